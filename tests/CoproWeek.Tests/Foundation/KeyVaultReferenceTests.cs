using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CoproWeek.Hub;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Health;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Tests.Foundation;

/// <summary>
/// App Service hands the app a Key Vault reference's own text when it cannot resolve it. Such a value is reported, not used.
/// </summary>
public sealed class KeyVaultReferenceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    internal const string ApiKeyReference = "@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/sendgrid-api-key)";
    internal const string WebhookKeyReference = "@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/sendgrid-webhook-verification-key)";
    // Longer than the 32-character minimum, which is why a length check alone lets it through.
    internal const string HashKeyReference = "@Microsoft.KeyVault(SecretUri=https://kv-test.vault.azure.net/secrets/subscriptions-address-hash-key)";

    [Fact]
    public async Task Health_answers_503_problem_naming_each_unresolved_setting_and_the_start_logs_it_once()
    {
        var logs = new CapturedLogs();
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = ApiKeyReference,
            ["Subscriptions:AddressHashKey"] = HashKeyReference,
        }, services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = hub.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Secrets are not resolved", problem!.Title);
        Assert.Contains("SendGrid:ApiKey", problem.Detail);
        Assert.Contains("Subscriptions:AddressHashKey", problem.Detail);
        Assert.DoesNotContain("SecretUri", problem.Detail);
        var logged = Assert.Single(logs.Lines, l => l.Message.Contains("Key Vault references that did not resolve"));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("SendGrid:ApiKey, Subscriptions:AddressHashKey", logged.Message);

        await client.GetAsync("/api/health");
        Assert.Single(logs.Lines, l => l.Message.Contains("Key Vault references that did not resolve"));
    }

    [Fact]
    public async Task Health_answers_200_once_the_references_have_resolved()
    {
        var logs = new CapturedLogs();
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["SendGrid:ApiKey"] = "SG.resolved-key" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = hub.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("Key Vault references"));
    }

    [Fact]
    public async Task An_unresolved_SendGrid_key_counts_as_unset_so_emails_wait_in_the_outbox_and_SendGrid_is_never_called()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = ApiKeyReference,
            ["SendGrid:WebhookVerificationKey"] = WebhookKeyReference,
            ["SendGrid:Host"] = sendGrid.Url,
        });
        using var _ = hub.CreateClient();
        var options = hub.Services.GetRequiredService<IOptions<SendGridOptions>>().Value;

        await hub.Services.GetRequiredService<QueueSender>().SendAsync(Triggers.Queues.Email,
            new EmailMessage("kv-1", "reader@example.org", "Your event is live", "<p>Live.</p>", "Live.", DateTimeOffset.UtcNow),
            CancellationToken.None);

        var outbox = hub.Services.GetRequiredService<Outbox>();
        var stored = await Eventually.GetAsync(async () =>
            await outbox.ListAsync(10, CancellationToken.None) is { Count: > 0 } found ? found : null, "the email to reach the outbox");
        Assert.Equal("reader@example.org", Assert.Single(stored).To);
        Assert.Empty(sendGrid.Requests);
        Assert.False(options.Enabled);
        Assert.Null(options.ApiKey);
        Assert.Null(options.WebhookVerificationKey);
    }

    [Fact]
    public async Task An_unresolved_address_hash_key_refuses_to_hash_with_an_error_naming_the_setting()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Subscriptions:AddressHashKey"] = HashKeyReference });
        using var _ = hub.CreateClient();

        var error = Assert.Throws<InvalidOperationException>(() => hub.Services.GetRequiredService<AddressHasher>().Hash("reader@example.org"));

        Assert.Contains("Subscriptions:AddressHashKey", error.Message);
        Assert.Contains("Key Vault reference", error.Message);
    }

    internal sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}

/// <summary>
/// The Azure Functions adapter's health function calls <see cref="CheckHealth.HandleAsync"/> (the parity test holds it
/// to that); here the handler is built the way the adapter's Program.cs builds it, with the settings App Service gives.
/// </summary>
public sealed class KeyVaultReferenceFunctionsHostTests
{
    private static ServiceProvider FunctionsServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Identity-based storage as in Azure; nothing here reaches it.
            ["AzureWebJobsStorage:accountName"] = "stcoproweektest",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["Subscriptions:AddressHashKey"] = "test-address-hash-key-of-enough-length-0123",
        }).AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCoproWeek(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task CheckHealth_answers_503_naming_the_settings_that_are_still_Key_Vault_references()
    {
        await using var services = FunctionsServices(new()
        {
            ["SendGrid:ApiKey"] = KeyVaultReferenceTests.ApiKeyReference,
            ["SendGrid:WebhookVerificationKey"] = KeyVaultReferenceTests.WebhookKeyReference,
            ["Subscriptions:AddressHashKey"] = KeyVaultReferenceTests.HashKeyReference,
        });
        var context = new DefaultHttpContext { RequestServices = services };

        var result = await services.GetRequiredService<CheckHealth>().HandleAsync(context.Request, CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Equal(
            ["SendGrid:ApiKey", "SendGrid:WebhookVerificationKey", "Subscriptions:AddressHashKey"],
            services.GetRequiredService<UnresolvedKeyVaultReferences>().Settings);
        Assert.Contains("SendGrid:ApiKey, SendGrid:WebhookVerificationKey, Subscriptions:AddressHashKey", problem.ProblemDetails.Detail);
        Assert.False(services.GetRequiredService<IOptions<SendGridOptions>>().Value.Enabled);
        Assert.Null(services.GetService<SendGrid.ISendGridClient>());
    }

    [Theory]
    [InlineData("SG.a-real-key", false)]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-test;SecretName=sendgrid-api-key)", true)]
    [InlineData(" @microsoft.keyvault(SecretUri=https://kv-test.vault.azure.net/secrets/x)", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_value_is_an_unresolved_reference_only_when_it_starts_with_the_reference_syntax(string? value, bool unresolved)
    {
        Assert.Equal(unresolved, UnresolvedKeyVaultReferences.IsReference(value));
    }
}
