using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Http;

/// <summary>
/// What the browser itself sent, as far as it can be known behind Azure's front ends. On Azure Functions the front
/// end ends TLS and tells the Functions host with <c>X-Forwarded-Proto</c>; the host passes the request on to this
/// worker with its own <c>X-Forwarded-Proto</c>/<c>-For</c>/<c>-Host</c>, which the worker's ASP.NET Core integration
/// applies (it trusts the host on loopback), so <see cref="HttpRequest.IsHttps"/> is already the browser's scheme. The
/// self-host applies forwarded headers as its README section says.
/// </summary>
public static class OriginalRequest
{
    /// <summary>
    /// Whether the browser's request was HTTPS: the request as the host sees it, any <c>X-Forwarded-Proto</c> saying
    /// https (trusted or not: it can only make a cookie stricter), or an https API address in the settings.
    /// </summary>
    public static bool IsHttps(HttpRequest request, SiteOptions site) =>
        request.IsHttps
        || request.Headers["X-Forwarded-Proto"].Any(v => v?.Split(',').Any(p => p.Trim().Equals("https", StringComparison.OrdinalIgnoreCase)) == true)
        || site.ApiUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a browser sent this request from another site: <c>Sec-Fetch-Site</c> other than same-origin or none
    /// (typed or bookmarked), or, from browsers without it, an <c>Origin</c> that is neither the API's address nor
    /// this request's own. A request with neither header is not a browser's cross-site form post.
    /// </summary>
    public static bool IsCrossSite(HttpRequest request, SiteOptions site)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } fetchSite)
        {
            return fetchSite is not ("same-origin" or "none");
        }
        if (request.Headers.Origin.ToString() is not { Length: > 0 } origin)
        {
            return false;
        }
        return !SameOrigin(origin, site.ApiUrl)
            && !SameOrigin(origin, $"{(IsHttps(request, site) ? "https" : "http")}://{request.Host.Value}");
    }

    private static bool SameOrigin(string origin, string url) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var a) && Uri.TryCreate(url, UriKind.Absolute, out var b)
        && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
