using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class EventFunctions(SubmitEvent submit, ManageEvent manage, ManageEventPage page)
{
    [Function(nameof(Triggers.SubmitEvent))]
    public Task<IResult> SubmitEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.Events)] HttpRequest request) =>
        submit.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.GetEvent))]
    public Task<IResult> GetEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.Event)] HttpRequest request, string id) =>
        manage.GetAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.EditEvent))]
    public Task<IResult> EditEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Triggers.Routes.Event)] HttpRequest request, string id) =>
        manage.EditAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.WithdrawEvent))]
    public Task<IResult> WithdrawEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Triggers.Routes.Event)] HttpRequest request, string id) =>
        manage.WithdrawAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowManageEventPage))]
    public Task<IResult> ShowManageEventPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ManageEvent)] HttpRequest request, string id) =>
        page.ShowAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.PostManageEventPage))]
    public Task<IResult> PostManageEventPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ManageEvent)] HttpRequest request, string id) =>
        page.PostAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowManageEventPageCy))]
    public Task<IResult> ShowManageEventPageCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ManageEventCy)] HttpRequest request, string id) =>
        page.ShowAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.PostManageEventPageCy))]
    public Task<IResult> PostManageEventPageCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ManageEventCy)] HttpRequest request, string id) =>
        page.PostAsync(request, id, request.HttpContext.RequestAborted);
}
