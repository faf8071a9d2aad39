using CoproWeek.Hub;
using CoproWeek.Hub.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class HealthFunctions(CheckHealth health)
{
    [Function(nameof(Triggers.Health))]
    public Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.Health)] HttpRequest request) =>
        health.HandleAsync(request, request.HttpContext.RequestAborted);
}
