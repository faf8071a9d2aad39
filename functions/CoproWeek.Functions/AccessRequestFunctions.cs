using CoproWeek.Hub;
using CoproWeek.Hub.AccessRequests;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class AccessRequestFunctions(SendAccessRequest accessRequests)
{
    [Function(nameof(Triggers.ShowAccessRequestForm))]
    public Task<IResult> ShowAccessRequestForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.AccessRequests)] HttpRequest request, string id) =>
        accessRequests.ShowFormAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.SendAccessRequest))]
    public Task<IResult> SendAccessRequest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.AccessRequests)] HttpRequest request, string id) =>
        accessRequests.HandleAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowAccessRequestSent))]
    public Task<IResult> ShowAccessRequestSent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.AccessRequestSent)] HttpRequest request, string id) =>
        accessRequests.ShowSentAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowAccessRequestFormCy))]
    public Task<IResult> ShowAccessRequestFormCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.AccessRequestsCy)] HttpRequest request, string id) =>
        accessRequests.ShowFormAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowAccessRequestSentCy))]
    public Task<IResult> ShowAccessRequestSentCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.AccessRequestSentCy)] HttpRequest request, string id) =>
        accessRequests.ShowSentAsync(request, id, request.HttpContext.RequestAborted);
}
