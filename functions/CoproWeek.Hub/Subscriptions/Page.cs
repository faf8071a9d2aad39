using System.Net;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Subscriptions.Pages;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The pages around subscriptions the API serves, in the request's language: the site's own layout, marked private
/// because most of these URLs hold a token. Short pages are a <see cref="Notice"/>; the forms have their own components.
/// </summary>
public static class Page
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An English page whose body is already HTML (the contact confirmation pages still build theirs).</summary>
    public static string Render(SiteOptions site, string title, string body, bool privateLink = true) =>
        SiteLayout.Render(site, title, "<h1>" + E(title) + "</h1>\n" + body, SiteSection.Subscribe, new PageHead { Private = privateLink });

    public static IResult Html(SiteOptions site, string title, string body, int status = StatusCodes.Status200OK) =>
        PrivateAnswer.Html(Render(site, title, body), status);

    /// <summary>A subscription word in the reader's language.</summary>
    public static string Words(string key, Language language, params object?[] args) => Localised.Get<SubscriptionText>(key, language, args);

    /// <summary>A short page at <paramref name="route"/> (with its <paramref name="query"/>), in <paramref name="language"/>, with its twin in the other.</summary>
    public static IResult Answer(SiteOptions site, Language language, string route, string query, Notice notice, int status = StatusCodes.Status200OK) =>
        Answer(site, language, PageTranslation.OfApi(site, language, route, query), notice, status);

    /// <summary>A short page whose twin is given: a page after a POST that no GET shows again has the sign-up form as its twin.</summary>
    public static IResult Answer(SiteOptions site, Language language, PageTranslation translation, Notice notice, int status = StatusCodes.Status200OK) =>
        PrivateAnswer.Html(ComponentRenderer.Shared.Render<NoticePage>(new Dictionary<string, object?>
        {
            [nameof(NoticePage.Options)] = site,
            [nameof(NoticePage.Notice)] = notice,
            [nameof(NoticePage.Language)] = language,
            [nameof(NoticePage.Head)] = new PageHead { Private = true, Translation = translation },
        }, language), status);

    /// <summary>The sign-up form in both languages, as the twin of a page no GET shows again.</summary>
    public static PageTranslation SignUpTwin(SiteOptions site, Language language) => PageTranslation.OfSite(site, language, SubscribeFormPage.Path);

    /// <summary>The query that carries a token, for the page's own address and its twin's.</summary>
    public static string TokenQuery(string token) => "?token=" + Uri.EscapeDataString(token);

    /// <summary>
    /// Opens an emailed link that acts only by POST: the subscriber its token was issued to when the request is the
    /// POST that should act; otherwise the answer to give instead. A token that is not right gets the same page
    /// whatever the reason; a GET gets one button that POSTs back to the same link. Mail scanners follow links but
    /// do not press buttons, so nothing happens until a person does (or a mail client's one-click POST).
    /// </summary>
    public static async Task<(Subscriber? Subscriber, IResult? Answer)> OpenButtonLinkAsync(
        ButtonLink link, SubscriberStore store, SiteOptions site, HttpRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var language = Languages.Of(request);
        var token = request.Query["token"].ToString();
        var subscriber = await store.FindByTokenAsync(token, link.Purpose, now, cancellationToken);
        if (subscriber is null)
        {
            return (null, LinkNotRight(site, language));
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            var action = site.Api(language.Localise(link.Route)) + TokenQuery(token);
            return (null, Answer(site, language, link.Route, TokenQuery(token),
                new Notice(Words(link.Title, language), [Words(link.Explanation, language)], new NoticeButton(action, Words(link.Button, language)))));
        }
        return (subscriber, null);
    }

    /// <summary>The same answer for a missing, expired or altered link: it says nothing about any address.</summary>
    public static IResult LinkNotRight(SiteOptions site, Language language) =>
        Answer(site, language, SignUpTwin(site, language), new Notice(Words("LinkNotRightTitle", language),
            [Words("LinkNotRight", language), Words("NotGettingEmails", language)],
            Link: new NoticeLink(site.Public(language.Localise(SubscribeFormPage.Folder)), Words("SignUpLink", language))), StatusCodes.Status404NotFound);

    public static bool WantsHtml(HttpRequest request) =>
        request.HasFormContentType || (request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase));
}

/// <summary>An emailed link that acts only when its page's button is pressed: which token it takes, and its page's words (keys in <see cref="SubscriptionText"/>).</summary>
public sealed record ButtonLink(string Purpose, string Route, string Title, string Explanation, string Button);
