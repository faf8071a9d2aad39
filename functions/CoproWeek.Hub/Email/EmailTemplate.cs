using System.Net;
using System.Text;

namespace CoproWeek.Hub.Email;

/// <summary>
/// Builds the hub's emails in both HTML and plain text from the same short paragraphs: one column, large
/// text, a single clear button, readable in a screen reader and on a small phone.
/// </summary>
public static class EmailTemplate
{
    public sealed record Link(string Text, string Url);

    public static EmailMessage Build(string id, string to, string subject, IReadOnlyList<string> paragraphs, Link? action, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? headers = null, string? category = null)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#0b0c0c;background:#ffffff\">")
            .Append("<div role=\"article\" aria-label=\"").Append(WebUtility.HtmlEncode(subject)).Append("\" style=\"max-width:560px;margin:0 auto\">")
            .Append("<p style=\"font-weight:bold;margin:0 0 16px\">Co-production Week</p>");
        var text = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p style=\"margin:0 0 16px\">").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
            text.Append(paragraph).Append("\n\n");
        }
        if (action is not null)
        {
            html.Append("<p style=\"margin:24px 0\"><a href=\"").Append(WebUtility.HtmlEncode(action.Url))
                .Append("\" style=\"display:inline-block;padding:12px 20px;background:#00703c;color:#ffffff;text-decoration:underline;font-weight:bold;border-radius:4px\">")
                .Append(WebUtility.HtmlEncode(action.Text)).Append("</a></p>")
                .Append("<p style=\"margin:0 0 16px;font-size:16px\">If the button does not work, copy this link into your browser:<br>")
                .Append(WebUtility.HtmlEncode(action.Url)).Append("</p>");
            text.Append(action.Text).Append(":\n").Append(action.Url).Append("\n\n");
        }
        html.Append("<p style=\"margin:24px 0 0;font-size:16px;color:#505a5f\">Co-production Week: nothing about us without us.</p></div></body></html>");
        text.Append("Co-production Week: nothing about us without us.\n");
        return new EmailMessage(id, to, subject, html.ToString(), text.ToString(), now, headers, category);
    }
}
