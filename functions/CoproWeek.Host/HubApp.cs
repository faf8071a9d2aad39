using CoproWeek.Host.DevStorage;
using CoproWeek.Host.Endpoints;
using CoproWeek.Host.Queues;
using CoproWeek.Host.Timers;
using CoproWeek.Hub;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CoproWeek.Host;

/// <summary>
/// The self-host: the hub's HTTP routes, a queue listener per queue and a scheduler per timer, all
/// on one storage account, behaving as the Azure Functions host does. Tests and benchmarks build it too.
/// </summary>
public static class HubApp
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = HostEnvironment.Default(args, Environment.GetEnvironmentVariable),
        });
        AddHostJson(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.UseListeningUrlForSite();
        builder.Services.AddTextCompression();

        // Development storage first, so Azurite is up before anything touches storage.
        builder.Services.AddHostedService<DevelopmentStorage>();
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddCoproWeek(builder.Configuration);
        builder.Services.AddProblemDetails();

        var queues = builder.Configuration.GetSection(QueueListenerOptions.Section).Get<QueueListenerOptions>() ?? new QueueListenerOptions();
        queues.Validate();
        builder.Services.AddSingleton(queues);
        builder.Services.AddSingleton<QueueListeners>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueListeners>());
        builder.Services.AddSingleton<TimerSchedulers>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerSchedulers>());
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        var unbound = app.Services.GetRequiredService<FunctionCatalog>().Unbound();
        if (unbound.Count > 0)
        {
            throw new StartupException($"These triggers have no handler: {string.Join(", ", unbound)}.");
        }
        foreach (var timer in Triggers.All.OfType<TimerTriggerDefinition>())
        {
            try
            {
                Schedules.Resolve(timer.Schedule, app.Configuration);
            }
            catch (InvalidOperationException e)
            {
                throw new StartupException(e.Message, e);
            }
        }

        // Forwarded headers (the client's address and scheme) count from a proxy on this machine. Behind a front end
        // elsewhere (Container Apps, App Service), ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes ASP.NET Core apply
        // them itself from any proxy; applying them twice would let a client name its own address.
        if (!string.Equals(app.Configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase))
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        }
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var site = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        app.MapHubFunctions(site.RoutePrefix);
        app.MapAdmin();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevOutbox();
        }
        app.MapStaticSite();
        return app;
    }

    /// <summary>
    /// Reads host.json into configuration under <c>AzureFunctionsJobHost</c>, the section the Functions
    /// host uses for its own overrides, so <c>AzureFunctionsJobHost__extensions__queues__batchSize</c> works here too.
    /// </summary>
    private static void AddHostJson(ConfigurationManager configuration)
    {
        var path = new[] { Path.Combine(AppContext.BaseDirectory, "host.json"), Path.Combine(RepoRoot.Find() ?? ".", "host.json") }
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            return;
        }
        var hostJson = new ConfigurationBuilder().AddJsonFile(path, optional: false).Build();
        var values = hostJson.AsEnumerable()
            .Where(kv => kv.Value is not null && configuration[$"AzureFunctionsJobHost:{kv.Key}"] is null)
            .Select(kv => new KeyValuePair<string, string?>($"AzureFunctionsJobHost:{kv.Key}", kv.Value));
        configuration.AddInMemoryCollection(values);
    }
}

/// <summary>Creates every table, container and queue at start, or stops start-up with one line saying why.</summary>
public sealed class StorageInitializer(CreateStorageAtStart create, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await create.StartAsync(timeout.Token);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
        {
            var where = configuration[CoproWeekServiceCollectionExtensions.StorageSetting] is { Length: > 0 } conn && conn.Contains("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)
                ? "the local storage emulator" : "the storage account in AzureWebJobsStorage";
            throw new StartupException($"Storage is not reachable: could not reach {where} ({e.GetBaseException().Message.Split('\n')[0].Trim()}).", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
