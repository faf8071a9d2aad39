using CoproWeek.Hub;
using CoproWeek.Hub.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class SearchFunctions(SearchSite search)
{
    [Function(nameof(Triggers.Search))]
    public Task<IResult> Search(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.Search)] HttpRequest request) =>
        search.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.WelshSearch))]
    public Task<IResult> WelshSearch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.WelshSearch)] HttpRequest request) =>
        search.HandleAsync(request, request.HttpContext.RequestAborted);
}
