using CoproWeek.Hub.Publishing;
using Microsoft.Extensions.Hosting;

namespace CoproWeek.Hub.Storage;

/// <summary>
/// Creates the hub's tables, containers and queues when a host starts, and asks for the site to be rebuilt so that
/// a new storage account serves a working site at once and a new release's pages replace the old ones. Idempotent,
/// and safe on many instances at once: the rebuild request is coalesced like any other.
/// </summary>
public sealed class CreateStorageAtStart(HubStorage storage, IndexRebuilds rebuilds) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await rebuilds.RequestAsync(cancellationToken, delay: TimeSpan.Zero);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
