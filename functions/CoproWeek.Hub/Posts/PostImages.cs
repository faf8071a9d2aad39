using System.Text;
using SkiaSharp;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// Checks a picture sent with a post by its bytes (never its name or claimed type) and re-encodes it:
/// upright, no larger than <see cref="LongestSide"/> px, without EXIF, GPS or colour profiles.
/// </summary>
public static class PostImages
{
    /// <summary>How many pictures a post may carry.</summary>
    public const int MaxImages = 3;

    /// <summary>The largest file we accept: 5 MB.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The widest or highest picture we will decode, checked from its header before any pixels exist.</summary>
    public const int MaxSide = 10_000;

    /// <summary>
    /// The pixel budget: the most pixels we will decode (40 megapixels), checked from the header. Decoding scales down
    /// as it reads, so this bounds the time a picture takes, not its memory.
    /// </summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>
    /// The most pixels of a picture that can only be decoded whole: a progressive JPEG or an interlaced PNG holds every
    /// pixel (or coefficient) until its last pass, so these are kept to 16 megapixels, about 64 MB, each.
    /// </summary>
    public const long MaxWholePixels = 16_000_000;

    /// <summary>The longest side of a published picture.</summary>
    public const int LongestSide = 1600;

    /// <summary>JPEG quality for published photos: no visible loss, about a tenth of the camera's file.</summary>
    public const int JpegQuality = 82;

    /// <summary>The problem-details field for a picture, counting from 1: image 2 is <c>images[1]</c>.</summary>
    public static string FieldName(int imageNumber) => $"images[{imageNumber - 1}]";

    /// <summary>Reads the upload (at most <see cref="MaxBytes"/> + 1 bytes) and prepares it; <paramref name="imageNumber"/> counts from 1 and appears in the error.</summary>
    public static async Task<ImagePreparation> PrepareAsync(UploadedImage upload, int imageNumber, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        // Read one byte past the limit so an oversized file is known without reading all of it.
        while (length < buffer.Length && (read = await upload.Content.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        return Prepare(buffer.AsSpan(0, length), upload.FileName, upload.ContentType, imageNumber);
    }

    /// <summary>Prepares a picture already in memory; the declared name and type only shape the error message.</summary>
    public static ImagePreparation Prepare(ReadOnlySpan<byte> bytes, string? fileName, string? contentType, int imageNumber)
    {
        var which = $"image {imageNumber}";
        if (bytes.IsEmpty)
        {
            return ImagePreparation.Refused($"The file for {which} is empty. Choose the picture again.");
        }
        if (bytes.Length > MaxBytes)
        {
            return ImagePreparation.Refused($"The file for {which} is bigger than 5 MB. Choose a smaller picture, or make it smaller first.");
        }

        var file = bytes.ToArray();
        using var codec = SKCodec.Create(new SKMemoryStream(file), out var opened);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return ImagePreparation.Refused(LooksLikeHeic(bytes, fileName, contentType)
                ? $"The file for {which} is an iPhone HEIC photo, which we cannot use. Save it as a JPEG and choose it again."
                : opened is SKCodecResult.IncompleteInput
                    ? Damaged(which)
                    : $"The file for {which} is not a JPEG, PNG or WebP picture. Choose a photo or picture file.");
        }

        var stored = codec.Info;
        if (stored.Width <= 0 || stored.Height <= 0)
        {
            return ImagePreparation.Refused(Damaged(which));
        }
        if (stored.Width > MaxSide || stored.Height > MaxSide || (long)stored.Width * stored.Height > MaxPixels)
        {
            return ImagePreparation.Refused($"The picture for {which} is too big: it is {stored.Width:N0} by {stored.Height:N0} pixels. "
                + $"Choose a picture no more than {MaxSide:N0} pixels wide or high.");
        }
        if ((long)stored.Width * stored.Height > MaxWholePixels && DecodesOnlyWhole(file, codec.EncodedFormat) is { } kind)
        {
            return ImagePreparation.Refused($"The picture for {which} is {kind} of {stored.Width:N0} by {stored.Height:N0} pixels, which we can only read whole, "
                + $"and that is too big. Save it again as an ordinary JPEG or PNG, or make it no more than {MaxWholePixels / 1_000_000} megapixels.");
        }

        using var decoded = Decode(codec, file);
        if (decoded is null)
        {
            return ImagePreparation.Refused(Damaged(which));
        }
        return ImagePreparation.Ok(Publishable(decoded, codec.EncodedOrigin));
    }

    private static string Damaged(string which) =>
        $"The file for {which} is damaged or incomplete. Choose the picture again, or try a different one.";

    // "a progressive JPEG" or "an interlaced PNG" (the wording for the refusal), or null for a picture that decodes as it reads.
    private static string? DecodesOnlyWhole(byte[] file, SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png when PngStrips.IsInterlaced(file) => "an interlaced PNG",
        SKEncodedImageFormat.Jpeg when IsProgressiveJpeg(file) => "a progressive JPEG",
        _ => null,
    };

    // Walks the JPEG's segments to its frame header: SOF2, SOF6, SOF10 and SOF14 are the progressive ones.
    private static bool IsProgressiveJpeg(byte[] jpeg)
    {
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return marker is 0xC2 or 0xC6 or 0xCA or 0xCE;
            }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7) or 0xFF)
            {
                at += marker == 0xFF ? 1 : 2;
                continue;
            }
            at += 2 + ((jpeg[at + 2] << 8) | jpeg[at + 3]);
        }
        return false;
    }

    // Decodes straight to a smaller size, never below what the final resize needs, so a big picture never exists
    // in memory at full size: JPEG and WebP scale in their decoders (JPEG by eighths), and a PNG, which Skia cannot
    // scale, is read in strips and averaged down (see PngStrips).
    private static SKBitmap? Decode(SKCodec codec, byte[] file)
    {
        var stored = codec.Info;
        var alpha = stored.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var sample = Math.Max(stored.Width, stored.Height) / LongestSide;
        if (codec.EncodedFormat == SKEncodedImageFormat.Png && sample >= 2 && !PngStrips.IsInterlaced(file))
        {
            var target = new SKBitmap();
            if (!target.TryAllocPixels(new SKImageInfo(stored.Width / sample, stored.Height / sample, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb()))
                || !PngStrips.TryDecode(file, sample, target))
            {
                target.Dispose();
                return null;
            }
            return target;
        }
        var size = new SKSizeI(stored.Width, stored.Height);
        // libjpeg-turbo scales by eighths and Skia may round the request down, so try each eighth up from the
        // one we need and keep the first that is still at least LongestSide; PNG always answers full size.
        var needed = (float)LongestSide / Math.Max(stored.Width, stored.Height);
        for (var eighths = (int)Math.Ceiling(needed * 8); eighths < 8; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(scaled.Width, scaled.Height) >= LongestSide)
            {
                size = scaled;
                break;
            }
        }
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());

        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }
        // Anything short of full success (truncated data, a broken stream) is refused: no half-grey pictures.
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }
        return bitmap;
    }

    private static PreparedImage Publishable(SKBitmap decoded, SKEncodedOrigin origin)
    {
        var swaps = ImageOrientation.SwapsSides(origin);
        var (uprightWidth, uprightHeight) = swaps ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var scale = Math.Min(1d, (double)LongestSide / Math.Max(uprightWidth, uprightHeight));
        var width = Math.Max(1, (int)Math.Round(uprightWidth * scale));
        var height = Math.Max(1, (int)Math.Round(uprightHeight * scale));

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, decoded.AlphaType, SKColorSpace.CreateSrgb());
        using var target = new SKBitmap(info);
        // An immutable bitmap lends its pixels to the image below; a mutable one would be copied whole.
        decoded.SetImmutable();
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(decoded))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(ImageOrientation.Upright(origin, decoded.Width, decoded.Height,
                (float)width / uprightWidth, (float)height / uprightHeight));
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        // Encoding from pixels writes no metadata: EXIF, GPS and camera details stay behind.
        var png = HasTransparency(target);
        using var data = target.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, JpegQuality);
        return png
            ? new PreparedImage(data.ToArray(), "image/png", width, height, ".png")
            : new PreparedImage(data.ToArray(), "image/jpeg", width, height, ".jpg");
    }

    // A PNG or WebP that declares alpha but is fully opaque is a photo in disguise: it goes out as JPEG.
    private static bool HasTransparency(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque)
        {
            return false;
        }
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255)
            {
                return true;
            }
        }
        return false;
    }

    // iPhones save HEIC by default; saying so helps more than "not a picture".
    private static bool LooksLikeHeic(ReadOnlySpan<byte> bytes, string? fileName, string? contentType)
    {
        if (bytes.Length >= 12 && bytes.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(bytes.Slice(8, 4));
            if (brand is "heic" or "heix" or "hevc" or "heim" or "heis" or "mif1" or "msf1")
            {
                return true;
            }
        }
        return (fileName?.EndsWith(".heic", StringComparison.OrdinalIgnoreCase) ?? false)
            || (fileName?.EndsWith(".heif", StringComparison.OrdinalIgnoreCase) ?? false)
            || contentType is "image/heic" or "image/heif";
    }
}
