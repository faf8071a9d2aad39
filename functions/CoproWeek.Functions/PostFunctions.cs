using CoproWeek.Hub;
using CoproWeek.Hub.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class PostFunctions(SubmitPost submit, ManagePost manage, ManagePostPage page)
{
    [Function(nameof(Triggers.SubmitPost))]
    public Task<IResult> SubmitPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.Posts)] HttpRequest request) =>
        submit.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.GetPost))]
    public Task<IResult> GetPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.Post)] HttpRequest request, string id) =>
        manage.GetAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.EditPost))]
    public Task<IResult> EditPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Triggers.Routes.Post)] HttpRequest request, string id) =>
        manage.EditAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.WithdrawPost))]
    public Task<IResult> WithdrawPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Triggers.Routes.Post)] HttpRequest request, string id) =>
        manage.WithdrawAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowManagePostPage))]
    public Task<IResult> ShowManagePostPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ManagePost)] HttpRequest request, string id) =>
        page.ShowAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.PostManagePostPage))]
    public Task<IResult> PostManagePostPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ManagePost)] HttpRequest request, string id) =>
        page.PostAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowManagePostPageCy))]
    public Task<IResult> ShowManagePostPageCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ManagePostCy)] HttpRequest request, string id) =>
        page.ShowAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.PostManagePostPageCy))]
    public Task<IResult> PostManagePostPageCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ManagePostCy)] HttpRequest request, string id) =>
        page.PostAsync(request, id, request.HttpContext.RequestAborted);
}
