using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Publishing;

/// <summary>The events part of the public site as files for the publisher, and the form pages the API answers people with.</summary>
public sealed class EventPages(IOptions<SiteOptions> site)
{
    public IReadOnlyList<string> EventFilePaths(string slug) =>
        [SitePaths.EventPage(slug), Language.Welsh.Localise(SitePaths.EventPage(slug)), SitePaths.EventCalendar(slug)];

    public IReadOnlyList<SiteFile> EventFiles(PublishedEvent item) => EventSite.EventFiles(item, site.Value);

    /// <summary>Everything rebuilt from the published events, with the fixed pages (they are cheap, and a new site needs them).</summary>
    /// <param name="extraSitemapUrls">Other pages for the sitemap, such as stories.</param>
    public IReadOnlyList<SiteFile> IndexFiles(IReadOnlyList<PublishedEvent> events, DateTimeOffset now, IEnumerable<SitemapUrl>? extraSitemapUrls = null,
        HomeFeatures? home = null, IReadOnlyCollection<Posts.PublishedPost>? stories = null) =>
        [.. EventSite.Indexes(events, now, site.Value, extraSitemapUrls, home, stories), .. EventSite.FixedFiles(site.Value), .. PostSite.FixedFiles(site.Value), .. Supporters.SupporterSite.FixedFiles(site.Value),
            new SiteFile("subscribe/index.html", EventSite.HtmlType, SubscribeFormPage.Render(site.Value)),
            new SiteFile(Language.Welsh.Localise(SubscribeFormPage.Path), EventSite.HtmlType, SubscribeFormPage.Render(site.Value, Language.Welsh)),
            // The moderation page is served by the API (it needs a key); /moderate/ on the public site points moderators to it.
            new SiteFile("moderate/index.html", EventSite.HtmlType,
                SiteLayout.Render(site.Value, "Moderators", "<h1>Moderators</h1>\n<p>The campaign team reads held events and stories on the moderation page. You need your moderator key to sign in.</p>\n<p><a href=\"" +
                    Site.Html.Encode(site.Value.Api(Triggers.Routes.ModerationPage)) + "\">Go to the moderation page</a></p>\n", SiteSection.None, new PageHead { Private = true }))];

    /// <summary>The submission form again, with what was typed and each problem beside its field.</summary>
    /// <param name="language">The request's language (<see cref="Languages.Of(HttpRequest)"/>): a Welsh form is answered in Welsh.</param>
    public IResult SubmitFormWithErrors(InputFields fields, Dictionary<string, string[]> errors, int status = StatusCodes.Status400BadRequest,
        Language language = Language.English) =>
        Html(Events.Forms.SubmitEventPage.Render(site.Value, EventFormValues.From(fields.Form), errors, language), status);

    /// <summary>A page from the API: private (never cached, no referrer, not framed), as manage links carry a token in the address.</summary>
    public static IResult Html(string page, int status = StatusCodes.Status200OK) => PrivateAnswer.Html(page, status);
}
