using CoproWeek.Host.Queues;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoproWeek.Tests.Infrastructure;

/// <summary>
/// The real self-host (HTTP routes, queue listeners, timers) on the shared Azurite, with storage names of
/// its own. Settings can be overridden per test; services (the clock, the SendGrid client) replaced at the seams.
/// </summary>
public sealed class HubFactory(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public string Prefix { get; } = AzuriteFixture.NewPrefix();

    public HubStorage Storage => Services.GetRequiredService<HubStorage>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:Prefix"] = Prefix,
            ["Site:PublicUrl"] = "http://localhost",
            ["Site:ApiUrl"] = "http://localhost",
            // Required outside Development too (validated at start), so tests that switch environment still start.
            ["Subscriptions:AddressHashKey"] = "test-address-hash-key-of-enough-length-0123",
            // Off unless a test is about them: the contact-confirmation and per-client-limit tests switch them on.
            ["Contacts:RequireConfirmation"] = "false",
            ["Limits:SubmissionsPerHour"] = "0",
            ["Limits:SignUpsPerHour"] = "0",
            ["Limits:AccessRequestsPerHour"] = "0",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        // Command-line style settings win over appsettings.json and host.json, as environment variables do in Azure.
        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>
    /// Waits, in the order given, until each named queue function has drained its queue and has nothing in hand:
    /// the positive signal a test waits for before checking that nothing more happened.
    /// </summary>
    public async Task QueuesIdleAsync(params string[] functions)
    {
        var listeners = Services.GetRequiredService<QueueListeners>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var function in functions)
        {
            try
            {
                await listeners.WhenIdleAsync(function, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting for {function} to drain its queue.");
            }
        }
    }

    // Kept from the first host built (derived factories from WithWebHostBuilder share the prefix), so the storage can
    // still be deleted after the hosts have stopped.
    private HubStorage? _storage;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // A host given another's prefix (a second instance on one storage account) leaves that storage to its owner.
        if (settings?.ContainsKey("Storage:Prefix") != true)
        {
            _storage ??= host.Services.GetRequiredService<HubStorage>();
        }
        return host;
    }

    /// <summary>Stops the hosts first, so no listener or timer finds its storage gone beneath it, then deletes the storage.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_storage is not null)
        {
            await _storage.DeleteAllAsync(CancellationToken.None);
        }
    }
}
