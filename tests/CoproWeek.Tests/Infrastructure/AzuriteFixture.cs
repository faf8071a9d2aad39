using CoproWeek.Host.DevStorage;

namespace CoproWeek.Tests.Infrastructure;

/// <summary>
/// One Azurite for the whole test run, started from the repo's node_modules on free ports with
/// in-memory persistence. Tests keep out of each other's way with a storage prefix of their own.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync()
    {
        var root = RepoRoot.Find() ?? throw new InvalidOperationException("Cannot find the repository root (package.json beside CoproWeek.sln).");
        _azurite = await Azurite.StartAsync(root, Azurite.FreePort(), Azurite.FreePort(), Azurite.FreePort(), dataFolder: null, Console.Out, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>A storage prefix no other test uses.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];
}

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
