using CoproWeek.Hub;
using CoproWeek.Hub.Moderation;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class ModerationFunctions(ModerationApi api, ModerationPage page, ModerationActions actions)
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

    [Function(nameof(Triggers.TakeDownModerationItem))]
    public Task<IResult> TakeDownModerationItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ModerationTakeDown)] HttpRequest request, string id) =>
        actions.TakeDownAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.RestoreModerationItem))]
    public Task<IResult> RestoreModerationItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ModerationRestore)] HttpRequest request, string id) =>
        actions.RestoreAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowModerationPicture))]
    public Task<IResult> ShowModerationPicture(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationPicture)] HttpRequest request, string id, string number) =>
        actions.PictureAsync(request, id, number, request.HttpContext.RequestAborted);
}
