using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CoproWeek.Hub.Search;

/// <summary>
/// <c>GET /api/search?q=&amp;region=&amp;format=&amp;access=&amp;topic=&amp;day=&amp;cost=&amp;kind=&amp;page=</c>: the page for browsers
/// (<c>Accept: text/html</c>; in Welsh at <c>/api/cy/search</c>), or JSON with <c>Accept: application/json</c> or no type named. Reads only the cached index; a value it cannot take is a 400 naming the field.
/// </summary>
public sealed class SearchSite(SearchCatalogueStore store, IOptions<SiteOptions> site)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var language = Languages.Of(request);
        var (read, errors) = SearchQuery.Read(request.Query, language);
        var query = read with { Language = language };
        var json = WantsJson(request);
        if (errors.Count > 0)
        {
            return new PublicAnswer(json ? Problems.Validation(errors) : Page(SearchPage.Render(site.Value, query, null, errors, language), StatusCodes.Status400BadRequest));
        }
        var index = await store.IndexAsync(cancellationToken);
        var results = index.Search(query);
        return new PublicAnswer(json
            ? TypedResults.Json(SearchAnswer.From(query, results), HubJson.Options)
            : Page(SearchPage.Render(site.Value, query, results, null, language), StatusCodes.Status200OK));
    }

    private static ContentHttpResult Page(string html, int status) => TypedResults.Content(html, "text/html; charset=utf-8", null, status);

    // Browsers ask for text/html; a program that asks for JSON, or names no type, gets JSON.
    private static bool WantsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var json = accept.Any(a => a.MediaType.Value is "application/json" || a.MediaType.Value?.EndsWith("+json", StringComparison.Ordinal) == true);
        return json || !accept.Any(a => a.MediaType.Value is "text/html");
    }

    /// <summary>A public answer: nothing private in it, so caches may keep it a minute; it differs by <c>Accept</c>.</summary>
    private sealed class PublicAnswer(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "public, max-age=60";
            headers.Vary = HeaderNames.Accept;
            headers.XContentTypeOptions = "nosniff";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
