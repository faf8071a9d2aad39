using CoproWeek.Hub;
using CoproWeek.Hub.Supporters;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class SupporterFunctions(SubmitSupporter submit, ManageSupporter manage, ManageSupporterPage page)
{
    [Function(nameof(Triggers.SubmitSupporter))]
    public Task<IResult> SubmitSupporter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.Supporters)] HttpRequest request) =>
        submit.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.GetSupporter))]
    public Task<IResult> GetSupporter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.Supporter)] HttpRequest request, string id) =>
        manage.GetAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.WithdrawSupporter))]
    public Task<IResult> WithdrawSupporter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Triggers.Routes.Supporter)] HttpRequest request, string id) =>
        manage.WithdrawAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowManageSupporterPage))]
    public Task<IResult> ShowManageSupporterPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ManageSupporter)] HttpRequest request, string id) =>
        page.ShowAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.PostManageSupporterPage))]
    public Task<IResult> PostManageSupporterPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ManageSupporter)] HttpRequest request, string id) =>
        page.PostAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowManageSupporterPageCy))]
    public Task<IResult> ShowManageSupporterPageCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ManageSupporterCy)] HttpRequest request, string id) =>
        page.ShowAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.PostManageSupporterPageCy))]
    public Task<IResult> PostManageSupporterPageCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ManageSupporterCy)] HttpRequest request, string id) =>
        page.PostAsync(request, id, request.HttpContext.RequestAborted);
}
