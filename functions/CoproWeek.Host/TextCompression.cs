using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace CoproWeek.Host;

/// <summary>
/// The self-host compresses text answers (pages, CSS, feeds, calendars, JSON) with Brotli, or gzip for clients without
/// it. Pictures are already compressed and are left alone. A private answer (<c>Cache-Control: no-store</c>: manage
/// pages, subscription links) is never compressed, so a token on the page cannot be guessed from the compressed size.
/// </summary>
public static class TextCompression
{
    /// <summary>The text types compressed, beyond ASP.NET Core's defaults (HTML, CSS, JSON, XML, plain text).</summary>
    public static readonly IReadOnlyList<string> MimeTypes =
    [
        .. ResponseCompressionDefaults.MimeTypes,
        "image/svg+xml", "text/calendar", "application/rss+xml", "application/atom+xml", "application/problem+json",
        "application/ld+json", "application/geo+json", "text/csv",
    ];

    public static IServiceCollection AddTextCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MimeTypes;
        });
        // Fastest, as the hub answers as it writes: most of the saving for a fraction of the time of Optimal.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, PublicOnlyCompressionProvider>();
        return services;
    }

    private sealed class PublicOnlyCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            !context.Response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
            && base.ShouldCompressResponse(context);
    }
}
