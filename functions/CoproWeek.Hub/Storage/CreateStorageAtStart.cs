using CoproWeek.Hub.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Storage;

/// <summary>
/// When a host starts: creates whichever of the hub's tables, containers and queues are missing (in Azure the Bicep
/// declares them all, so nothing), and asks for the site to be rebuilt only when it was built by other renderers
/// (see <see cref="SiteBuild"/>), so a new storage account serves a working site at once and a new release's pages
/// replace the old ones, while a restart costs no rebuild. Idempotent, and safe on many instances at once: the
/// rebuild request is coalesced like any other.
/// </summary>
public sealed class CreateStorageAtStart(HubStorage storage, IndexRebuilds rebuilds, SiteBuild build, ILogger<CreateStorageAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var created = await storage.EnsureCreatedAsync(cancellationToken);
        if (created > 0)
        {
            logger.LogInformation("Created {Count} missing tables, containers and queues", created);
        }
        var builtBy = await build.BuiltByAsync(cancellationToken);
        if (builtBy == build.Current)
        {
            logger.LogInformation("The site was built by these renderers ({Renderers}); no rebuild needed", builtBy);
            return;
        }
        logger.LogInformation("The site was built by renderers {BuiltBy}, this host has {Renderers}: asking for a rebuild", builtBy ?? "(none recorded)", build.Current);
        await rebuilds.RequestAsync(cancellationToken, delay: TimeSpan.Zero);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
