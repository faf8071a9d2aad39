using System.Text;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary>
/// A story's picture as <c>&lt;picture&gt;</c>: WebP sizes for browsers that take them, JPEG/PNG sizes for the rest, with
/// <c>width</c> and <c>height</c> so the page does not jump while it loads, and CSS that never lets it overflow the screen.
/// </summary>
public static class Pictures
{
    /// <summary>A picture in a story: the width of the reading column, or of the screen less its margins.</summary>
    public const string StorySizes = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

    /// <summary>A thumbnail on a card in a list of stories.</summary>
    public const string ThumbnailSizes = "(min-width: 40rem) 12rem, calc(100vw - 4rem)";

    /// <summary>Writes the picture; <paramref name="lazy"/> is false for the first thing on screen, which the browser should fetch at once.</summary>
    public static StringBuilder Picture(this StringBuilder html, PublicImage image, string sizes, bool lazy, string? alt = null, string? className = null)
    {
        var webp = image.Sizes.Where(s => s.ContentType == PictureSizes.WebpType).OrderBy(s => s.Width).ToList();
        var fallback = image.Sizes.Where(s => s.ContentType != PictureSizes.WebpType && s.Width < image.Width)
            .Select(s => (s.Url, s.Width)).Append((image.Url, image.Width)).OrderBy(s => s.Width).ToList();
        html.Append("<picture").Append(className is null ? "" : $" class=\"{className}\"").Append(">\n");
        if (webp.Count > 0)
        {
            html.Append("<source type=\"image/webp\" srcset=\"").Text(SrcSet(webp.Select(s => (s.Url, s.Width)))).Append("\" sizes=\"").Append(sizes).Append("\">\n");
        }
        html.Append("<img src=\"").Text(image.Url).Append('"');
        if (fallback.Count > 1)
        {
            html.Append(" srcset=\"").Text(SrcSet(fallback)).Append("\" sizes=\"").Append(sizes).Append('"');
        }
        html.Append(" alt=\"").Text(alt ?? image.Alt).Append("\" width=\"").Append(image.Width).Append("\" height=\"").Append(image.Height).Append('"')
            .Append(lazy ? " loading=\"lazy\" decoding=\"async\"" : " fetchpriority=\"high\"").Append(">\n</picture>\n");
        return html;
    }

    private static string SrcSet(IEnumerable<(string Url, int Width)> sizes) => string.Join(", ", sizes.Select(s => $"{s.Url} {s.Width}w"));
}
