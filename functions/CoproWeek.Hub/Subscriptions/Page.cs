using System.Net;
using System.Text;
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
        Results.Content(Render(site, title, body), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>
    /// What a GET of an emailed link shows: one button that POSTs back to the same link. Mail scanners follow links
    /// but do not press buttons, so nothing happens until a person does.
    /// </summary>
    public static IResult ButtonPage(SiteOptions site, string route, string token, string title, string explanation, string button)
    {
        var action = site.Api(route) + "?token=" + Uri.EscapeDataString(token);
        return Html(site, title, "<p>" + E(explanation) + "</p>" +
            "<form method=\"post\" action=\"" + E(action) + "\"><button type=\"submit\">" + E(button) + "</button></form>");
    }

    /// <summary>The same answer for a missing, expired or altered link: it says nothing about any address.</summary>
    public static IResult LinkNotRight(SiteOptions site) =>
        Html(site, "This link does not work", "<p>This link is not right, or it is too old. Check you used the newest email from us.</p>" +
            "<p>If you want our emails, you can <a href=\"" + E(site.Public("subscribe/")) + "\">sign up again</a>.</p>", StatusCodes.Status404NotFound);

    public static bool WantsHtml(HttpRequest request) =>
        request.HasFormContentType || (request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
