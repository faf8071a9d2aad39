using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoproWeek.Hub;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Runtime;

namespace CoproWeek.Host.Endpoints;

/// <summary>
/// <c>POST /admin/functions/{name}</c> runs a timer or queue function now, as the Functions host's
/// admin API does. Open in Development; elsewhere it needs the <c>x-functions-key</c> header to hold
/// <c>Host:MasterKey</c>.
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/functions/{name}", async (string name, HttpContext context, FunctionCatalog catalog, IHostEnvironment environment, IConfiguration configuration, TimeProvider time) =>
        {
            if (!environment.IsDevelopment() && !HasMasterKey(context.Request, configuration["Host:MasterKey"]))
            {
                return Problems.Status(StatusCodes.Status401Unauthorized, "The host's master key is needed", "Send the master key in the x-functions-key header.");
            }

            var trigger = Triggers.All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            switch (trigger)
            {
                case QueueTriggerDefinition:
                    var input = await ReadInputAsync(context.Request);
                    if (input is null)
                    {
                        return Problems.Validation(new Dictionary<string, string[]> { ["input"] = ["Send the queue message as the \"input\" string."] });
                    }
                    await catalog.QueueFunction(trigger.Name)(context.RequestServices, BinaryData.FromString(input), context.RequestAborted);
                    return Results.Accepted();
                case TimerTriggerDefinition:
                    await catalog.TimerFunction(trigger.Name)(context.RequestServices, new TimerTick(time.GetUtcNow(), false), context.RequestAborted);
                    return Results.Accepted();
                case HttpTriggerDefinition:
                    return Problems.Status(StatusCodes.Status400BadRequest, "Call HTTP functions on their own route", $"{trigger.Name} answers at /{((HttpTriggerDefinition)trigger).Route}.");
                default:
                    return Problems.NotFound();
            }
        });
        return app;
    }

    private static bool HasMasterKey(HttpRequest request, string? masterKey)
    {
        if (string.IsNullOrEmpty(masterKey) || !request.Headers.TryGetValue("x-functions-key", out var given))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given.ToString())),
            SHA256.HashData(Encoding.UTF8.GetBytes(masterKey)));
    }

    private static async Task<string?> ReadInputAsync(HttpRequest request)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("input", out var input)
                && input.ValueKind == JsonValueKind.String ? input.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
