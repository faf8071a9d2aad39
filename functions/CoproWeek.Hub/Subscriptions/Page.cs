using System.Net;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Site;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The page around every subscription page the API serves: the site's own layout (skip link, navigation, one
/// main, footer, the site's stylesheet), marked private because most of these URLs hold a token. Callers pass
/// body HTML they built with <see cref="E"/> for every piece of user text; the page adds the one h1.
/// </summary>
public static class Page
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <param name="privateLink">False only for the public sign-up page, which search engines may index.</param>
    public static string Render(SiteOptions site, string title, string body, bool privateLink = true) =>
        SiteLayout.Render(site, title, "<h1>" + E(title) + "</h1>\n" + body, SiteSection.Subscribe, new PageHead { Private = privateLink });

    public static IResult Html(SiteOptions site, string title, string body, int status = StatusCodes.Status200OK) =>
        PrivateAnswer.Html(Render(site, title, body), status);

    /// <summary>
    /// Opens an emailed link that acts only by POST: the subscriber its token was issued to when the request is the
    /// POST that should act; otherwise the answer to give instead. A token that is not right gets the same page
    /// whatever the reason; a GET gets one button that POSTs back to the same link. Mail scanners follow links but
    /// do not press buttons, so nothing happens until a person does (or a mail client's one-click POST).
    /// </summary>
    public static async Task<(Subscriber? Subscriber, IResult? Answer)> OpenButtonLinkAsync(
        ButtonLink link, SubscriberStore store, SiteOptions site, HttpRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = request.Query["token"].ToString();
        var subscriber = await store.FindByTokenAsync(token, link.Purpose, now, cancellationToken);
        if (subscriber is null)
        {
            return (null, LinkNotRight(site));
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            var action = site.Api(link.Route) + "?token=" + Uri.EscapeDataString(token);
            return (null, Html(site, link.Title, "<p>" + E(link.Explanation) + "</p>" +
                "<form method=\"post\" action=\"" + E(action) + "\"><button type=\"submit\">" + E(link.Button) + "</button></form>"));
        }
        return (subscriber, null);
    }

    /// <summary>The same answer for a missing, expired or altered link: it says nothing about any address.</summary>
    public static IResult LinkNotRight(SiteOptions site) =>
        Html(site, "This link does not work", "<p>This link is not right, or it is too old. Check you used the newest email from us.</p>" +
            "<p>If you are not getting our emails and would like them, you can <a href=\"" + E(site.Public("subscribe/")) + "\">sign up</a>.</p>", StatusCodes.Status404NotFound);

    public static bool WantsHtml(HttpRequest request) =>
        request.HasFormContentType || (request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase));
}

/// <summary>An emailed link that acts only when its page's button is pressed: which token it takes, and its page's words.</summary>
public sealed record ButtonLink(string Purpose, string Route, string Title, string Explanation, string Button);
