using System.Buffers.Binary;
using SkiaSharp;

namespace CoproWeek.Hub.Site;

/// <summary>A binary file for <c>$web</c>: an icon or the social card.</summary>
public sealed record SiteBinaryFile(string Path, string ContentType, byte[] Content);

/// <summary>
/// The week's identity: a mark of two linked rings (people and services working together), the name set in text beside
/// it, and the files browsers and sharing sites ask for (favicon, touch icon, social card, robots.txt). The pictures are
/// drawn in code with SkiaSharp, so nothing binary lives in the repository.
/// </summary>
public static class Brand
{
    public const string Navy = "#12355b";
    public const string Yellow = "#ffdd00";

    public const string FaviconSvg = "favicon.svg";
    public const string FaviconIco = "favicon.ico";
    public const string TouchIcon = "apple-touch-icon.png";
    public const string Logo = "assets/logo.svg";
    /// <summary>A square 512 px logo in PNG: the publisher's logo in schema.org data, which search engines want as a raster picture.</summary>
    public const string LogoPng = "assets/logo-512.png";
    /// <summary>The picture a link to any page shows when it is shared (1,200 by 630 px, PNG).</summary>
    public const string SocialCard = "assets/social-card.png";
    public const int SocialCardWidth = 1200;
    public const int SocialCardHeight = 630;
    public const string Robots = "robots.txt";

    /// <summary>The mark inline in the site's header: decorative, as the site's name follows it in text.</summary>
    public const string HeaderMark =
        "<svg class=\"mark\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 32\" width=\"48\" height=\"32\" aria-hidden=\"true\" focusable=\"false\">"
        + "<circle cx=\"17\" cy=\"16\" r=\"12\" fill=\"none\" stroke=\"#ffdd00\" stroke-width=\"5\"/>"
        + "<circle cx=\"31\" cy=\"16\" r=\"12\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"5\"/></svg>";

    private const string FaviconSvgContent = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#12355b"/><circle cx="24" cy="32" r="14" fill="none" stroke="#ffdd00" stroke-width="6"/><circle cx="40" cy="32" r="14" fill="none" stroke="#ffffff" stroke-width="6"/></svg>

        """;

    private const string LogoSvgContent = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 420 64" role="img" aria-labelledby="title"><title id="title">Co-production Week</title><rect width="420" height="64" fill="#12355b"/><circle cx="30" cy="32" r="16" fill="none" stroke="#ffdd00" stroke-width="6"/><circle cx="48" cy="32" r="16" fill="none" stroke="#ffffff" stroke-width="6"/><text x="78" y="42" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="28" font-weight="700" fill="#ffffff">Co-production Week</text></svg>

        """;

    private static readonly Lazy<byte[]> Icon32 = new(() => Icon(32, rounded: true));
    // Phones round a touch icon's corners themselves and show transparent ones as black, so these fill the square.
    private static readonly Lazy<byte[]> Icon180 = new(() => Icon(180, rounded: false));
    private static readonly Lazy<byte[]> Icon512 = new(() => Icon(512, rounded: false));

    /// <summary>robots.txt: everything public may be crawled; the API and moderators' page may not; where the sitemap is.</summary>
    public static string RobotsTxt(SiteOptions options) =>
        $"User-agent: *\nAllow: /\nDisallow: /moderate/\nDisallow: /{options.RoutePrefix.Trim('/')}/\n\nSitemap: {options.Url(SitePaths.Sitemap)}\n";

    /// <summary>The text files: the SVG favicon and logo, and robots.txt.</summary>
    public static IReadOnlyList<SiteFile> TextFiles(SiteOptions options) =>
    [
        new(FaviconSvg, "image/svg+xml", FaviconSvgContent),
        new(Logo, "image/svg+xml", LogoSvgContent),
        new(Robots, "text/plain; charset=utf-8", RobotsTxt(options)),
    ];

    /// <summary>The pictures: favicon.ico (a 32 px PNG inside), the touch icon, the 512 px logo and the social card.</summary>
    public static IReadOnlyList<SiteBinaryFile> BinaryFiles(SiteOptions options) =>
    [
        new(FaviconIco, "image/x-icon", IcoOf(Icon32.Value, 32)),
        new(TouchIcon, "image/png", Icon180.Value),
        new(LogoPng, "image/png", Icon512.Value),
        new(SocialCard, "image/png", SocialCardPng(UkTime.Week(options.WeekStarts))),
    ];

    private static byte[] Icon(int size, bool rounded)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not draw an icon.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var fill = new SKPaint { Color = SKColor.Parse(Navy), IsAntialias = true };
        var corner = rounded ? size * 0.19f : 0;
        canvas.DrawRoundRect(0, 0, size, size, corner, corner, fill);
        DrawRings(canvas, size / 2f, size / 2f, size * 0.22f, size * 0.094f);
        return Png(surface);
    }

    private static void DrawRings(SKCanvas canvas, float centreX, float centreY, float radius, float stroke)
    {
        var offset = radius * 0.57f;
        using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = stroke };
        ring.Color = SKColor.Parse(Yellow);
        canvas.DrawCircle(centreX - offset, centreY, radius, ring);
        ring.Color = SKColors.White;
        canvas.DrawCircle(centreX + offset, centreY, radius, ring);
    }

    /// <summary>The social card: the mark, the week's name, its motto and dates, on navy with the yellow rule of the site's header.</summary>
    public static byte[] SocialCardPng(string dates)
    {
        using var surface = SKSurface.Create(new SKImageInfo(SocialCardWidth, SocialCardHeight, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not draw the social card.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColor.Parse(Navy));
        using var rule = new SKPaint { Color = SKColor.Parse(Yellow) };
        canvas.DrawRect(0, SocialCardHeight - 36, SocialCardWidth, 36, rule);
        DrawRings(canvas, 190, 250, 70, 28);
        using var bold = Typeface(SKFontStyle.Bold);
        using var regular = Typeface(SKFontStyle.Normal);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using (var title = new SKFont(bold, 76))
        {
            canvas.DrawText("Co-production", 320, 230, SKTextAlign.Left, title, text);
            canvas.DrawText("Week", 320, 315, SKTextAlign.Left, title, text);
        }
        using (var motto = new SKFont(regular, 44))
        {
            canvas.DrawText("Nothing about us without us", 80, 460, SKTextAlign.Left, motto, text);
            text.Color = SKColor.Parse(Yellow);
            canvas.DrawText(dates, 80, 530, SKTextAlign.Left, motto, text);
        }
        return Png(surface);
    }

    // A font that is on the machine; on one with none the card still carries the mark and colours.
    private static SKTypeface Typeface(SKFontStyle style) =>
        SKFontManager.Default.MatchFamily("DejaVu Sans", style)
        ?? SKFontManager.Default.MatchFamily("Liberation Sans", style)
        ?? SKFontManager.Default.MatchFamily(null, style)
        ?? SKTypeface.Default;

    private static byte[] Png(SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    // An .ico file may hold a PNG as its one image: a 6-byte header, a 16-byte directory entry, then the PNG.
    private static byte[] IcoOf(byte[] png, int size)
    {
        var ico = new byte[22 + png.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(4), 1);
        ico[6] = (byte)size;
        ico[7] = (byte)size;
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(10), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(12), 32);
        BinaryPrimitives.WriteUInt32LittleEndian(ico.AsSpan(14), (uint)png.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(ico.AsSpan(18), 22);
        png.CopyTo(ico, 22);
        return ico;
    }
}
