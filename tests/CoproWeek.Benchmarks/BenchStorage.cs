using CoproWeek.Host.DevStorage;

namespace CoproWeek.Benchmarks;

/// <summary>An Azurite of the benchmark's own, in memory, on free ports.</summary>
public static class BenchStorage
{
    public static Task<Azurite> StartAsync() =>
        Azurite.StartAsync(
            RepoRoot.Find() ?? throw new InvalidOperationException("Run from inside the CoproWeek repository."),
            Azurite.FreePort(), Azurite.FreePort(), Azurite.FreePort(), dataFolder: null, Console.Out, CancellationToken.None);
}
