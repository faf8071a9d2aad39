using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CoproWeek.Hub.Site;

/// <summary>Encoding for everything the site writes: user text never reaches a page, a script block or a feed raw.</summary>
internal static class Html
{
    // All of Unicode is allowed through as itself so Welsh and emoji stay readable; markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);

    public static StringBuilder Text(this StringBuilder html, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            html.Append(Encoder.Encode(text));
        }
        return html;
    }

    /// <summary>Plain text as paragraphs: a blank line starts a new paragraph, a single line break is kept.</summary>
    public static StringBuilder Paragraphs(this StringBuilder html, string? text, string? className = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return html;
        }
        var normalised = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var paragraphs = System.Text.RegularExpressions.Regex.Split(normalised, @"\n[ \t]*\n");
        foreach (var paragraph in paragraphs)
        {
            var trimmed = paragraph.Trim('\n', ' ', '\t');
            if (trimmed.Length == 0)
            {
                continue;
            }
            html.Append(className is null ? "<p>" : $"<p class=\"{className}\">");
            var lines = trimmed.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }
                html.Text(lines[i].TrimEnd());
            }
            html.Append("</p>");
        }
        return html;
    }

    /// <summary>An http(s) URL safe to put in an href, or null: no <c>javascript:</c> or other schemes from user input.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}
