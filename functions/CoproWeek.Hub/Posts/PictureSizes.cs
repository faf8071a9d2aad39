using SkiaSharp;

namespace CoproWeek.Hub.Posts;

/// <summary>One size of a published picture: a WebP, or a JPEG/PNG fallback, this many pixels wide.</summary>
public sealed record PictureSize(byte[] Bytes, string ContentType, string Extension, int Width, int Height);

/// <summary>
/// The smaller copies of a story's picture that the site offers through <c>srcset</c>, so a phone downloads a 480 px
/// picture rather than the 1,600 px one: each of <see cref="Widths"/> narrower than the picture, and the picture's own
/// width, as WebP, plus a JPEG (or, for a picture with transparency, PNG) at each smaller width for browsers without WebP.
/// The picture at its own width in its own format is the stored one, so it is not made again.
/// </summary>
public static class PictureSizes
{
    /// <summary>The widths offered, narrowest first; the last matches <see cref="PostImages.LongestSide"/>.</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 960, PostImages.LongestSide];

    /// <summary>WebP quality: about a third smaller than the JPEG at the same look.</summary>
    public const int WebpQuality = 78;

    public const string WebpType = "image/webp";

    /// <summary>The widths a picture <paramref name="width"/> px wide is offered at: every standard width below it, then its own.</summary>
    public static IReadOnlyList<int> WidthsFor(int width) => [.. Widths.Where(w => w < width), width];

    /// <summary>Every size to publish beside the stored picture (already prepared by <see cref="PostImages"/>).</summary>
    public static IReadOnlyList<PictureSize> Make(byte[] stored, string contentType)
    {
        using var original = SKBitmap.Decode(stored) ?? throw new InvalidDataException("A stored picture could not be decoded.");
        original.SetImmutable();
        var png = contentType == "image/png";
        var sizes = new List<PictureSize>();
        foreach (var width in WidthsFor(original.Width))
        {
            var height = Math.Max(1, (int)Math.Round((double)original.Height * width / original.Width));
            using var resized = width == original.Width ? null : Resize(original, width, height);
            var bitmap = resized ?? original;
            sizes.Add(Encode(bitmap, SKEncodedImageFormat.Webp, WebpQuality, WebpType, ".webp"));
            if (resized is not null)
            {
                sizes.Add(png
                    ? Encode(bitmap, SKEncodedImageFormat.Png, 100, "image/png", ".png")
                    : Encode(bitmap, SKEncodedImageFormat.Jpeg, PostImages.JpegQuality, "image/jpeg", ".jpg"));
            }
        }
        return sizes;
    }

    private static SKBitmap Resize(SKBitmap original, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, original.AlphaType, SKColorSpace.CreateSrgb());
        return original.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("A picture could not be resized.");
    }

    private static PictureSize Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality, string contentType, string extension)
    {
        using var data = bitmap.Encode(format, quality) ?? throw new InvalidOperationException($"A picture could not be encoded as {contentType}.");
        return new PictureSize(data.ToArray(), contentType, extension, bitmap.Width, bitmap.Height);
    }
}
