using CoproWeek.Host.DevStorage;

namespace CoproWeek.Tests.Infrastructure;

/// <summary>
/// One Azurite for the whole test run, started from the repo's node_modules on free ports with in-memory
/// persistence by the first test class that needs it, and stopped when every test has run (see
/// <see cref="HubTestFramework"/>), or at the latest when the test process exits. Each storage test class takes it
/// as a class fixture, so classes run in parallel; tests keep out of each other's way with a storage prefix of their own.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<Azurite>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private Azurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _azurite = await Shared.Value;

    // Other classes may still be using it: the process-exit handler below stops it once, at the end.
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Stops the run's Azurite, if one was started.</summary>
    internal static async Task StopAsync()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully)
        {
            await Shared.Value.Result.DisposeAsync();
        }
    }

    /// <summary>A storage prefix no other test uses.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<Azurite> StartAsync()
    {
        var root = RepoRoot.Find() ?? throw new InvalidOperationException("Cannot find the repository root (package.json beside CoproWeek.sln).");
        var azurite = await Azurite.StartAsync(root, Azurite.FreePort(), Azurite.FreePort(), Azurite.FreePort(), dataFolder: null, Console.Out, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    }
}
