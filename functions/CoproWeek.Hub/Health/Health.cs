using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Health;

/// <summary>
/// <c>GET /api/health</c>: 200 when storage answers; 503 with problem details when it does not, or when a setting is a
/// Key Vault reference that did not resolve.
/// </summary>
public sealed class CheckHealth(HubStorage storage, UnresolvedKeyVaultReferences references, ILogger<CheckHealth> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (references.Settings.Count > 0)
        {
            // Logged once at start (UnresolvedKeyVaultReferences); a probe every few seconds need not repeat it.
            return Problems.Status(
                StatusCodes.Status503ServiceUnavailable,
                "Secrets are not resolved",
                $"These settings are Key Vault references that did not resolve, so the hub treats them as unset: {string.Join(", ", references.Settings)}. Check that each secret exists in the vault and that the app's identity can read it.");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await storage.Table(HubStorage.TableNames.Submissions).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "health", select: ["PartitionKey"], cancellationToken: timeout.Token);
            var queue = storage.Queue(Triggers.Queues.Email).ExistsAsync(timeout.Token);
            var site = storage.Site.ExistsAsync(timeout.Token);
            if ((await queue).Value && (await site).Value)
            {
                return TypedResults.Ok(new { status = "healthy" });
            }
            logger.LogWarning("Health check found the hub's storage incomplete");
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage is not ready", "The hub's queues or site container are missing.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever storage answered (or failed to), the hub cannot serve: that is a 503, never a 500.
            logger.LogWarning(e, "Health check could not reach storage");
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage is not reachable", "The hub cannot reach its storage account just now.");
        }
    }
}
