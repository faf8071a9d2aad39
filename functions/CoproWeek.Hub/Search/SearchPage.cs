namespace CoproWeek.Hub.Search;

/// <summary>
/// The search function's page (<see cref="SearchResultsPage"/>), in the site's own layout and the reader's language:
/// <c>/api/search</c> in English, <c>/api/cy/search</c> in Welsh.
/// </summary>
public static class SearchPage
{
    public static string Render(SiteOptions options, SearchQuery query, SearchResults? results, IReadOnlyDictionary<string, string[]>? errors = null,
        Language language = Language.English) =>
        Rendering.ComponentRenderer.Shared.Render<SearchResultsPage>(new Dictionary<string, object?>
        {
            [nameof(SearchResultsPage.Options)] = options,
            [nameof(SearchResultsPage.Query)] = query with { Language = language },
            [nameof(SearchResultsPage.Results)] = results,
            [nameof(SearchResultsPage.Errors)] = errors,
            [nameof(SearchResultsPage.Language)] = language,
        }, language);

    public static string Count(int total, Language language = Language.English) =>
        total == 1
            ? Rendering.Localised.Get<SearchText>("CountOne", language)
            : Rendering.Localised.Get<SearchText>("CountMany", language, total.ToString("N0", language.Culture()));

    /// <summary>The search page's address in the reader's language, with a query string.</summary>
    public static string Link(SiteOptions options, Language language, string queryString) =>
        options.Api(language.Localise(Triggers.Routes.Search)) + queryString;
}
