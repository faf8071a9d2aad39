using CoproWeek.Host;
using CoproWeek.Host.DevStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoproWeek.Benchmarks;

/// <summary>The real self-host on a free loopback port and the benchmark's own Azurite, with quiet logging.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(WebApplication app, Azurite azurite, string url)
    {
        App = app;
        Azurite = azurite;
        Url = url;
    }

    public WebApplication App { get; }
    public Azurite Azurite { get; }
    public string Url { get; }
    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="settings">More command-line settings, such as <c>--AzureWebJobs.SendEmail.Disabled true</c>.</param>
    public static async Task<BenchHost> StartAsync(params string[] settings)
    {
        var azurite = await BenchStorage.StartAsync();
        var url = $"http://127.0.0.1:{Azurite.FreePort()}";
        var builder = HubApp.CreateBuilder(
        [
            "--urls", url,
            // The self-host's own settings (schedules, the development address-hash key) come from its folder.
            "--contentRoot", Path.Combine(RepoRoot.Find() ?? ".", "functions", "CoproWeek.Host"),
            "--environment", "Development",
            "--AzureWebJobsStorage", azurite.ConnectionString,
            "--Storage:Prefix", "bench" + Guid.NewGuid().ToString("N")[..6],
            "--Site:PublicUrl", url,
            "--Site:ApiUrl", url,
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning",
            // Every benchmark posts from one address as organisers whose addresses are confirmed; the limits still
            // count each request (one storage call), with room for a benchmark's whole load.
            "--Contacts:RequireConfirmation", "false",
            "--Limits:SubmissionsPerHour", "40000", "--Limits:SignUpsPerHour", "40000",
            .. settings,
        ]);
        var app = HubApp.Build(builder);
        await app.StartAsync();
        return new BenchHost(app, azurite, url);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
