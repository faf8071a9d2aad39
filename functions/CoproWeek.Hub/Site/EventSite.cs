using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>One file for the <c>$web</c> container: its blob name, the content type to store with it, and its text (UTF-8).</summary>
public sealed record SiteFile(string Path, string ContentType, string Content);

/// <summary>
/// The public site's files in the groups the publisher writes them: an event's own files when it goes live, the shared
/// indexes when they are rebuilt, and the fixed pages once at start-up or deploy.
/// </summary>
public static class EventSite
{
    public const string HtmlType = "text/html; charset=utf-8";

    /// <summary><c>events/{slug}/index.html</c>, its Welsh twin <c>cy/events/{slug}/index.html</c>, and <c>events/{slug}/event.ics</c>.</summary>
    public static IReadOnlyList<SiteFile> EventFiles(PublishedEvent published, SiteOptions options) =>
    [
        .. Languages.All.Select(language =>
            new SiteFile(language.Localise(SitePaths.EventPage(published.Slug)), HtmlType, EventPage.Render(published, options, language))),
        new(SitePaths.EventCalendar(published.Slug), EventCalendar.ContentType, EventCalendar.ForEvent(published, options)),
    ];

    /// <summary>
    /// Everything built from the whole set of published events: home page, list and filter pages (each in English and,
    /// under <c>cy/</c>, in Welsh), calendar, JSON and sitemap.
    /// </summary>
    /// <param name="extraSitemapUrls">Other pages for the sitemap, such as stories.</param>
    /// <param name="stories">Published stories, for the home page's featured stories.</param>
    public static IReadOnlyList<SiteFile> Indexes(IReadOnlyCollection<PublishedEvent> events, DateTimeOffset now, SiteOptions options,
        IEnumerable<SitemapUrl>? extraSitemapUrls = null, HomeFeatures? home = null, IReadOnlyCollection<Posts.PublishedPost>? stories = null)
    {
        var files = new List<SiteFile>();
        foreach (var language in Languages.All)
        {
            files.AddRange(EventList.RenderPages(events, now, options, language).Select(p => new SiteFile(p.Key, HtmlType, p.Value)));
            files.Add(new(language.Localise(SitePaths.Home), HtmlType, HomePage.Render(events, now, options, home, stories, language)));
        }
        files.Add(new(SitePaths.Calendar, EventCalendar.ContentType, EventCalendar.ForAll(events, now, options)));
        files.AddRange(CalendarSubscriptions.Files(EventList.Upcoming(events, now), now, options));
        files.Add(new(SitePaths.EventsJson, EventsJson.ContentType, EventsJson.Render(events, now, options)));
        files.Add(new(SitePaths.Sitemap, Sitemap.ContentType, Sitemap.Render(events, options, extraSitemapUrls, now)));
        return files;
    }

    /// <summary>Pages that do not change with the events: the stylesheet, 404, the submission form and its thank-you page.</summary>
    public static IReadOnlyList<SiteFile> FixedFiles(SiteOptions options) =>
    [
        new(SitePaths.Stylesheet, SiteCss.ContentType, SiteCss.Content()),
        new(SitePaths.NotFound, HtmlType, PlainPages.NotFound(options)),
        new(Language.Welsh.Localise(SitePaths.NotFound), HtmlType, PlainPages.NotFound(options, Language.Welsh)),
        new(SitePaths.SubmitEvent, HtmlType, Events.Forms.SubmitEventPage.Render(options)),
        new(SitePaths.SubmitEventThanks, HtmlType, Events.Forms.SubmitEventPage.Thanks(options)),
        new(Language.Welsh.Localise(SitePaths.SubmitEvent), HtmlType, Events.Forms.SubmitEventPage.Render(options, language: Language.Welsh)),
        new(Language.Welsh.Localise(SitePaths.SubmitEventThanks), HtmlType, Events.Forms.SubmitEventPage.Thanks(options, Language.Welsh)),
        .. Brand.TextFiles(options),
    ];
}
