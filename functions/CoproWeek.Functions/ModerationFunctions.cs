using CoproWeek.Hub;
using CoproWeek.Hub.Moderation;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class ModerationFunctions(ModerationApi api, ModerationPage page)
{
    [Function(nameof(Triggers.GetModerationQueue))]
    public Task<IResult> GetModerationQueue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationQueue)] HttpRequest request) =>
        api.QueueAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.GetModerationItem))]
    public Task<IResult> GetModerationItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationItem)] HttpRequest request, string id) =>
        api.ItemAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.DecideModerationItem))]
    public Task<IResult> DecideModerationItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ModerationDecision)] HttpRequest request, string id) =>
        api.DecideAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowModerationPage))]
    public Task<IResult> ShowModerationPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationPage)] HttpRequest request) =>
        page.ShowAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.PostModerationPage))]
    public Task<IResult> PostModerationPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ModerationPage)] HttpRequest request) =>
        page.PostAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowModerationItemPage))]
    public Task<IResult> ShowModerationItemPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationItemPage)] HttpRequest request, string id) =>
        page.ShowItemAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.PostModerationItemPage))]
    public Task<IResult> PostModerationItemPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ModerationItemPage)] HttpRequest request, string id) =>
        page.DecideAsync(request, id, request.HttpContext.RequestAborted);
}
