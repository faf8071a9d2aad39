using CoproWeek.Hub;
using CoproWeek.Hub.Contacts;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class ContactFunctions(ConfirmContact confirm)
{
    [Function(nameof(Triggers.ConfirmContact))]
    public Task<IResult> ConfirmContact(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Triggers.Routes.ConfirmContact)] HttpRequest request) =>
        confirm.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ConfirmContactCy))]
    public Task<IResult> ConfirmContactCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Triggers.Routes.ConfirmContactCy)] HttpRequest request) =>
        confirm.HandleAsync(request, request.HttpContext.RequestAborted);
}
