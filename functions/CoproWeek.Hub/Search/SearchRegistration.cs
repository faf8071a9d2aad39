using CoproWeek.Hub.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Hub.Search;

public static class SearchRegistration
{
    /// <summary>Search of published events and stories: the catalogue each rebuild writes, its in-memory index, and <c>GET /api/search</c> (in Welsh at <c>/api/cy/search</c>).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, FunctionCatalog catalog)
    {
        services.AddSingleton<SearchCatalogueStore>();
        services.AddSingleton<SearchSite>();
        catalog.Http<SearchSite>(Triggers.Search, (h, req, ct) => h.HandleAsync(req, ct));
        catalog.Http<SearchSite>(Triggers.WelshSearch, (h, req, ct) => h.HandleAsync(req, ct));
        return services;
    }
}
