using CoproWeek.Hub;

namespace CoproWeek.Host.DevStorage;

/// <summary>
/// With <c>UseDevelopmentStorage=true</c> and nothing on ports 10000-10002, starts Azurite for the
/// self-host, keeping its data in the git-ignored <c>.azurite</c> folder, and stops it on exit.
/// </summary>
public sealed class DevelopmentStorage(IConfiguration configuration, ILogger<DevelopmentStorage> logger) : IHostedService, IAsyncDisposable
{
    private static readonly int[] Ports = [10000, 10001, 10002];
    private Azurite? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = configuration[CoproWeekServiceCollectionExtensions.StorageSetting];
        if (CoproWeekServiceCollectionExtensions.IsIdentityBased(configuration)
            || !string.Equals(connection?.Trim().TrimEnd(';'), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var listening = Ports.Where(Azurite.IsListening).ToList();
        if (listening.Count == Ports.Length)
        {
            logger.LogInformation("Using the storage emulator already listening on ports 10000-10002");
            return;
        }
        if (listening.Count > 0)
        {
            throw new StartupException($"Port {string.Join(", ", listening)} is in use by another program, so the storage emulator cannot start. Stop that program, or set AzureWebJobsStorage to another storage account.");
        }

        var root = RepoRoot.Find()
            ?? throw new StartupException("Cannot find the repository's package.json to start Azurite. Run from inside the CoproWeek repository, or set AzureWebJobsStorage.");
        logger.LogInformation("Starting the Azurite storage emulator; its data is kept in {Folder}", Path.Combine(root, ".azurite"));
        _azurite = await Azurite.StartAsync(root, 10000, 10001, 10002, Path.Combine(root, ".azurite"), Console.Out, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }
}
