using CoproWeek.Hub;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Runtime;

namespace CoproWeek.Host.Endpoints;

/// <summary>Maps every HTTP trigger in <see cref="Triggers.All"/> under the route prefix from host.json.</summary>
public static class FunctionEndpoints
{
    public static IEndpointRouteBuilder MapHubFunctions(this IEndpointRouteBuilder app, string routePrefix)
    {
        var catalog = app.ServiceProvider.GetRequiredService<FunctionCatalog>();
        var prefix = routePrefix.Trim('/');
        foreach (var trigger in Triggers.All.OfType<HttpTriggerDefinition>())
        {
            var invoke = catalog.HttpFunction(trigger.Name);
            var pattern = prefix.Length == 0 ? $"/{trigger.Route}" : $"/{prefix}/{trigger.Route}";
            app.MapMethods(pattern, trigger.Methods, async context =>
            {
                IResult result;
                try
                {
                    result = await invoke(context.RequestServices, context.Request, context.RequestAborted);
                }
                catch (BadHttpRequestException e) when (!context.Response.HasStarted)
                {
                    result = Problems.UnreadableBody(e);
                }
                await result.ExecuteAsync(context);
            }).WithName(trigger.Name).WithDisplayName(trigger.Name);
        }
        return app;
    }
}
