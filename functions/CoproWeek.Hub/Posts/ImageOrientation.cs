using SkiaSharp;

namespace CoproWeek.Hub.Posts;

/// <summary>The geometry of an EXIF orientation: cameras store pixels as the sensor saw them and say how to turn them.</summary>
internal static class ImageOrientation
{
    /// <summary>True when the picture is stored on its side, so its upright width is its stored height.</summary>
    public static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>
    /// The matrix that maps a stored <paramref name="width"/> x <paramref name="height"/> picture onto an upright one,
    /// scaled by <paramref name="scaleX"/> and <paramref name="scaleY"/> (upright axes).
    /// </summary>
    public static SKMatrix Upright(SKEncodedOrigin origin, int width, int height, float scaleX, float scaleY)
    {
        float w = width, h = height;
        // Each row: upright X = a*x + b*y + c, upright Y = d*x + e*y + f, for stored pixel (x, y).
        var (a, b, c, d, e, f) = origin switch
        {
            SKEncodedOrigin.TopRight => (-1f, 0f, w, 0f, 1f, 0f),
            SKEncodedOrigin.BottomRight => (-1f, 0f, w, 0f, -1f, h),
            SKEncodedOrigin.BottomLeft => (1f, 0f, 0f, 0f, -1f, h),
            SKEncodedOrigin.LeftTop => (0f, 1f, 0f, 1f, 0f, 0f),
            SKEncodedOrigin.RightTop => (0f, -1f, h, 1f, 0f, 0f),
            SKEncodedOrigin.RightBottom => (0f, -1f, h, -1f, 0f, w),
            SKEncodedOrigin.LeftBottom => (0f, 1f, 0f, -1f, 0f, w),
            _ => (1f, 0f, 0f, 0f, 1f, 0f),
        };
        return new SKMatrix(a * scaleX, b * scaleX, c * scaleX, d * scaleY, e * scaleY, f * scaleY, 0, 0, 1);
    }
}
