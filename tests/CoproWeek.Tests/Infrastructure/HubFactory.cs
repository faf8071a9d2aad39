using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await Storage.DeleteAllAsync(CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
        }
        await base.DisposeAsync();
    }
}
