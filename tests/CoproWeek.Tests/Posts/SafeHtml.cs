using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Tests.Posts;

/// <summary>Reads rendered post HTML the way a browser would and fails on anything that could run script or leave our allow-list.</summary>
internal static class SafeHtml
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> AllowedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    };

    private static readonly string[] ForbiddenElements =
    [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "form", "input", "button",
        "textarea", "select", "base", "meta", "link", "svg", "math", "template", "noscript", "h1",
    ];

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "start", "rel" };

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcset", "background", "poster", "data"];

    /// <summary>Asserts the fragment is safe; <paramref name="imageUrls"/> are the only image sources allowed.</summary>
    public static void AssertSafe(string html, IReadOnlyCollection<string> imageUrls, string input)
    {
        var document = Parser.ParseDocument($"<!doctype html><html><head></head><body>{html}</body></html>");
        var body = document.Body!;
        Check(document.Head!.ChildElementCount == 0, "something escaped into <head>", input, html);
        foreach (var element in body.Descendants<IElement>())
        {
            var name = element.LocalName;
            Check(!ForbiddenElements.Contains(name, StringComparer.OrdinalIgnoreCase), $"forbidden <{name}>", input, html);
            Check(AllowedElements.Contains(name), $"element <{name}> outside the allow-list", input, html);
            foreach (var attribute in element.Attributes)
            {
                Check(!attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name}", input, html);
                Check(AllowedAttributes.Contains(attribute.Name), $"attribute {attribute.Name} outside the allow-list", input, html);
            }
            foreach (var attributeName in UrlAttributes)
            {
                var value = element.GetAttribute(attributeName);
                if (value is not null)
                {
                    Check(IsAbsoluteWebOrMail(value), $"{attributeName}=\"{value}\" is not an absolute http(s) or mailto URL", input, html);
                }
            }
            if (name == "img")
            {
                Check(imageUrls.Contains(element.GetAttribute("src") ?? ""), $"image from {element.GetAttribute("src")}", input, html);
            }
            if (name == "a" && element.GetAttribute("href") is { } href && !href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                Check(element.GetAttribute("rel") == PostBodyRenderer.LinkRel, $"link to {href} without rel=\"{PostBodyRenderer.LinkRel}\"", input, html);
            }
        }
    }

    private static bool IsAbsoluteWebOrMail(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "mailto"
        && value.StartsWith(uri.Scheme + ":", StringComparison.Ordinal);

    private static void Check(bool ok, string problem, string input, string html)
    {
        if (!ok)
        {
            Assert.Fail($"{problem}\n--- input ---\n{input}\n--- output ---\n{html}");
        }
    }
}
