using CoproWeek.Hub.Posts;
using SkiaSharp;

namespace CoproWeek.Hub.Supporters;

/// <summary>
/// A supporter's logo: checked by its bytes and re-encoded exactly as story pictures are (<see cref="PictureDecodes"/>),
/// then made at most <see cref="MaxWidth"/> px wide. SVG is refused whatever the file is called: it can carry scripts,
/// and we publish only pixels we drew ourselves.
/// </summary>
public static class SupporterLogo
{
    public const int MaxWidth = 400;
    public const string Field = "logo";

    public static async Task<ImagePreparation> PrepareAsync(PictureDecodes decodes, ReadOnlyMemory<byte> bytes, string? fileName, string? contentType, CancellationToken cancellationToken)
    {
        if (LooksLikeSvg(bytes.Span))
        {
            return ImagePreparation.Refused("Your logo is an SVG file, which we do not accept. Save it as a PNG, JPEG or WebP picture and choose it again.");
        }
        var prepared = await decodes.PrepareAsync(bytes, fileName, contentType, 1, cancellationToken);
        if (!prepared.Succeeded)
        {
            return ImagePreparation.Refused(prepared.Error.Replace("image 1", "your logo", StringComparison.Ordinal));
        }
        return ImagePreparation.Ok(Narrow(prepared.Image));
    }

    /// <summary>The picture at most <see cref="MaxWidth"/> wide, in the format the story pipeline chose (PNG keeps transparency).</summary>
    private static PreparedImage Narrow(PreparedImage image)
    {
        if (image.Width <= MaxWidth)
        {
            return image;
        }
        using var decoded = SKBitmap.Decode(image.Bytes);
        var height = Math.Max(1, (int)Math.Round((double)image.Height * MaxWidth / image.Width));
        using var resized = decoded.Resize(new SKImageInfo(MaxWidth, height, SKColorType.Rgba8888, decoded.AlphaType, SKColorSpace.CreateSrgb()),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        var png = image.ContentType == "image/png";
        using var data = resized.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, PostImages.JpegQuality);
        return image with { Bytes = data.ToArray(), Width = MaxWidth, Height = height };
    }

    // An SVG is XML text: after any byte-order mark and white space it starts with "<?xml", "<svg" or a comment or doctype.
    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }
        head = head.TrimStart(" \t\r\n"u8);
        if (!head.StartsWith("<"u8))
        {
            return false;
        }
        var text = System.Text.Encoding.UTF8.GetString(head).ToLowerInvariant();
        return text.Contains("<svg", StringComparison.Ordinal) || text.StartsWith("<?xml", StringComparison.Ordinal) || text.StartsWith("<!doctype svg", StringComparison.Ordinal);
    }
}
