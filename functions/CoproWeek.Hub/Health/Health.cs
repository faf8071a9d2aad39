using Azure;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Health;

/// <summary><c>GET /api/health</c>: 200 when storage answers, 503 with problem details when it does not.</summary>
public sealed class CheckHealth(HubStorage storage, ILogger<CheckHealth> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await Task.WhenAll(
                storage.Table(HubStorage.TableNames.Submissions).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "health", cancellationToken: timeout.Token),
                storage.Queue(Triggers.Queues.Email).ExistsAsync(timeout.Token),
                storage.Site.ExistsAsync(timeout.Token));
            return TypedResults.Ok(new { status = "healthy" });
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
        {
            logger.LogWarning(e, "Health check could not reach storage");
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage is not reachable", "The hub cannot reach its storage account just now.");
        }
    }
}
