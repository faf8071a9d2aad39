using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CoproWeek.Hub.Search;

/// <summary>
/// <c>GET /api/search?q=&amp;region=&amp;format=&amp;access=&amp;topic=&amp;day=&amp;cost=&amp;kind=&amp;page=</c>: the page for people, or JSON
/// with <c>Accept: application/json</c>. Reads only the cached index; a value it cannot take is a 400 naming the field.
/// </summary>
public sealed class SearchSite(SearchCatalogueStore store, IOptions<SiteOptions> site)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (query, errors) = SearchQuery.Read(request.Query);
        var json = WantsJson(request);
        if (errors.Count > 0)
        {
            return new PublicAnswer(json ? Problems.Validation(errors) : Page(SearchPage.Render(site.Value, query, null, errors), StatusCodes.Status400BadRequest));
        }
        var index = await store.IndexAsync(cancellationToken);
        var results = index.Search(query);
        return new PublicAnswer(json
            ? TypedResults.Json(SearchAnswer.From(query, results), HubJson.Options)
            : Page(SearchPage.Render(site.Value, query, results), StatusCodes.Status200OK));
    }

    private static ContentHttpResult Page(string html, int status) => TypedResults.Content(html, "text/html; charset=utf-8", null, status);

    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value is "application/json" || a.MediaType.Value?.EndsWith("+json", StringComparison.Ordinal) == true);

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
