using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The plain page around every subscription page: en-GB, a skip link, landmarks, one h1, visible focus,
/// strong contrast. Callers pass body HTML they built with <see cref="E"/> for every piece of user text.
/// </summary>
public static class Page
{
    private const string Style =
        "body{font-family:system-ui,Arial,sans-serif;font-size:1.125rem;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}" +
        "a{color:#0b3d91}a:focus,button:focus,input:focus{outline:3px solid #ffbf47;outline-offset:2px}" +
        ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#ffbf47;padding:.5rem}" +
        "fieldset{border:1px solid #555;margin:1rem 0;padding:.5rem 1rem}label{display:block;margin:.25rem 0}" +
        "input[type=email]{font-size:1.125rem;padding:.4rem;width:100%;max-width:24rem;border:2px solid #1a1a1a}" +
        "button{font-size:1.125rem;padding:.5rem 1rem;background:#0b6e3a;color:#fff;border:0;margin:.5rem 0}" +
        "button.secondary{background:#444}.error{color:#b00020;font-weight:bold}";

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Render(string title, string body)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" - Co-production Week</title>")
            .Append("<style>").Append(Style).Append("</style></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">Skip to main content</a>")
            .Append("<header><p>Co-production Week</p></header>")
            .Append("<main id=\"main\"><h1>").Append(E(title)).Append("</h1>")
            .Append(body)
            .Append("</main><footer><p>Co-production Week: nothing about us without us.</p></footer></body></html>");
        return html.ToString();
    }

    public static IResult Html(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(Render(title, body), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>
    /// What a GET of an emailed link shows: one button that POSTs back to the same link. Mail scanners follow links
    /// but do not press buttons, so nothing happens until a person does.
    /// </summary>
    public static IResult ButtonPage(SiteOptions site, string route, string token, string title, string explanation, string button)
    {
        var action = site.Api(route) + "?token=" + Uri.EscapeDataString(token);
        return Html(title, "<p>" + E(explanation) + "</p>" +
            "<form method=\"post\" action=\"" + E(action) + "\"><button type=\"submit\">" + E(button) + "</button></form>");
    }

    /// <summary>The same answer for a missing, expired or altered link: it says nothing about any address.</summary>
    public static IResult LinkNotRight() =>
        Html("This link does not work", "<p>This link is not right, or it is too old. Check you used the newest email from us.</p>" +
            "<p>If you want our emails, you can <a href=\"" + "../subscriptions" + "\">sign up again</a>.</p>", StatusCodes.Status404NotFound);

    public static bool WantsHtml(HttpRequest request) =>
        request.HasFormContentType || (request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
