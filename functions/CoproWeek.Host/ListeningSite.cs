using CoproWeek.Hub;
using Microsoft.AspNetCore.Hosting;

namespace CoproWeek.Host;

/// <summary>
/// With no <c>Site:PublicUrl</c> or <c>Site:ApiUrl</c> set, the self-host's pages and emails link to where it listens
/// (the first of <c>--urls</c>), not to a port it is not on. A wildcard host (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>,
/// <c>[::]</c>) is linked as <c>localhost</c>.
/// </summary>
public static class ListeningSite
{
    public static void UseListeningUrlForSite(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var listening = LinkableUrl(configuration[WebHostDefaults.ServerUrlsKey]);
        if (listening is null)
        {
            return;
        }
        builder.Services.PostConfigure<SiteOptions>(site =>
        {
            if (string.IsNullOrWhiteSpace(configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.PublicUrl)}"]))
            {
                site.PublicUrl = listening;
            }
            if (string.IsNullOrWhiteSpace(configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.ApiUrl)}"]))
            {
                site.ApiUrl = listening;
            }
        });
    }

    /// <summary>The first URL in a <c>--urls</c> list as a browser can open it, or null if it has no fixed port.</summary>
    public static string? LinkableUrl(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return null;
        }
        var schemeEnd = first.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return null;
        }
        var scheme = first[..schemeEnd];
        var rest = first[(schemeEnd + 3)..].TrimEnd('/');
        var portAt = rest.LastIndexOf(':');
        var (host, port) = portAt > 0 && !rest.EndsWith(']') ? (rest[..portAt], rest[(portAt + 1)..]) : (rest, "");
        if (port == "0")
        {
            return null;
        }
        host = host is "*" or "+" or "0.0.0.0" or "[::]" ? "localhost" : host;
        return Uri.TryCreate($"{scheme}://{host}{(port.Length > 0 ? ":" + port : "")}", UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
    }
}
