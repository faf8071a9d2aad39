namespace CoproWeek.Hub.Posts;

/// <summary>
/// A story's picture as <c>&lt;picture&gt;</c> (<see cref="Pages.StoryPicture"/>): WebP sizes for browsers that take them,
/// JPEG/PNG sizes for the rest, with <c>width</c> and <c>height</c> so the page does not jump while it loads, and CSS
/// that never lets it overflow the screen.
/// </summary>
public static class Pictures
{
    /// <summary>A picture in a story: the width of the reading column, or of the screen less its margins.</summary>
    public const string StorySizes = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

    /// <summary>A thumbnail on a card in a list of stories.</summary>
    public const string ThumbnailSizes = "(min-width: 40rem) 12rem, calc(100vw - 4rem)";

    /// <summary>The WebP sizes' <c>srcset</c>, smallest first; null when the picture was published before sizes existed.</summary>
    public static string? WebpSrcSet(PublicImage image)
    {
        var webp = image.Sizes.Where(s => s.ContentType == PictureSizes.WebpType).OrderBy(s => s.Width).Select(s => (s.Url, s.Width)).ToList();
        return webp.Count > 0 ? SrcSet(webp) : null;
    }

    /// <summary>The JPEG/PNG sizes' <c>srcset</c>, the stored picture last; null when there is only the stored picture.</summary>
    public static string? FallbackSrcSet(PublicImage image)
    {
        var fallback = image.Sizes.Where(s => s.ContentType != PictureSizes.WebpType && s.Width < image.Width)
            .Select(s => (s.Url, s.Width)).Append((image.Url, image.Width)).OrderBy(s => s.Width).ToList();
        return fallback.Count > 1 ? SrcSet(fallback) : null;
    }

    private static string SrcSet(IEnumerable<(string Url, int Width)> sizes) => string.Join(", ", sizes.Select(s => $"{s.Url} {s.Width}w"));
}
