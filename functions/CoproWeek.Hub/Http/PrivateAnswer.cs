using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Http;

/// <summary>
/// An answer that holds a token in its address or someone's personal data: manage pages and JSON, subscription
/// pages, moderation pages and API, the answers to submissions (they carry the manage link). Whatever the inner
/// answer (page, JSON, problem, redirect, download), it is never stored by a browser or proxy, sends no referrer
/// (the address may hold a token), is not sniffed as another type, and cannot be framed by another site.
/// </summary>
public sealed class PrivateAnswer(IResult inner) : IResult
{
    public const string HtmlType = "text/html; charset=utf-8";

    public IResult Inner => inner;

    /// <summary>An HTML page the API serves.</summary>
    public static IResult Html(string page, int status = StatusCodes.Status200OK) => new PrivateAnswer(new HtmlPage(page, status));

    /// <summary>The answer of a handler whose every answer is private, wrapped once where the handler is entered.</summary>
    public static async Task<IResult> Of(Task<IResult> answer)
    {
        var result = await answer;
        return result as PrivateAnswer ?? new PrivateAnswer(result);
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        Apply(httpContext.Response.Headers);
        return inner.ExecuteAsync(httpContext);
    }

    /// <summary>The headers, for the rare answer written straight to the response.</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
    }

    private sealed class HtmlPage(string page, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = HtmlType;
            await httpContext.Response.WriteAsync(page, httpContext.RequestAborted);
        }
    }
}
