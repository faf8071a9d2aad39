using CoproWeek.Hub.Publishing;
using Microsoft.Extensions.Hosting;

namespace CoproWeek.Hub.Storage;

/// <summary>
/// Creates the hub's tables, containers and queues when a host starts, and asks for the site to be built
/// if it has no home page yet, so a new storage account serves a working site at once. Idempotent, and safe
/// on many instances at once.
/// </summary>
public sealed class CreateStorageAtStart(HubStorage storage, QueueSender queues, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        if (!await storage.Site.GetBlobClient("index.html").ExistsAsync(cancellationToken))
        {
            await queues.SendAsync(Triggers.Queues.Indexes, new RebuildMessage(time.GetUtcNow()), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
