using CoproWeek.Host.DevStorage;
using CoproWeek.Hub;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Benchmarks;

/// <summary>
/// The hub's services without a host, on the benchmark's own Azurite with the tables made and only warnings logged:
/// for timing the moderators' handlers (queue, dashboard) directly.
/// </summary>
public sealed class BenchServices : IAsyncDisposable
{
    private BenchServices(Azurite azurite, ServiceProvider services)
    {
        Azurite = azurite;
        Services = services;
    }

    public Azurite Azurite { get; }
    public ServiceProvider Services { get; }
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<BenchServices> StartAsync()
    {
        var azurite = await BenchStorage.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:Prefix"] = "bench",
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCoproWeek(configuration).BuildServiceProvider();
        await services.GetRequiredService<HubStorage>().EnsureCreatedAsync(CancellationToken.None);
        return new BenchServices(azurite, services);
    }

    public ValueTask DisposeAsync() => Azurite.DisposeAsync();

    /// <summary>
    /// Runs <paramref name="run"/> <paramref name="samples"/> times and gives the times in milliseconds, sorted for
    /// <see cref="Report.Percentile"/>; <paramref name="check"/> looks at each answer after it is timed.
    /// </summary>
    public static async Task<List<double>> TimeAsync<T>(int samples, Func<Task<T>> run, Action<T>? check = null)
    {
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var answer = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            check?.Invoke(answer);
        }
        times.Sort();
        return times;
    }
}
