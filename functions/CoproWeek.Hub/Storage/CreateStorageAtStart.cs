using Microsoft.Extensions.Hosting;

namespace CoproWeek.Hub.Storage;

/// <summary>
/// Creates the hub's tables, containers and queues when the Functions app starts, as the self-host does,
/// so the first request in a new storage account finds them. Idempotent, and safe on many instances at once.
/// </summary>
public sealed class CreateStorageAtStart(HubStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
