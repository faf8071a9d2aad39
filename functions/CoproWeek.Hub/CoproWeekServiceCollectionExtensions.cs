using Azure.Core;
using Azure.Identity;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CoproWeek.Hub.AccessRequests;
using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Health;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Hub.Supporters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SendGrid;

namespace CoproWeek.Hub;

public static class CoproWeekServiceCollectionExtensions
{
    /// <summary>The connection setting the Functions host uses for its own storage; the hub shares it.</summary>
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>Everything the hub needs, for the self-host and the Azure Functions adapter alike.</summary>
    public static IServiceCollection AddCoproWeek(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o => o.MessageEncoding = configuration["AzureFunctionsJobHost:extensions:queues:messageEncoding"] ?? o.MessageEncoding)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SiteOptions>()
            .Bind(configuration.GetSection(SiteOptions.Section))
            .Configure(o => o.RoutePrefix = configuration["AzureFunctionsJobHost:extensions:http:routePrefix"] ?? o.RoutePrefix)
            .Configure(o => o.EventsNeedAPerson = configuration.GetSection(Moderation.ModerationOptions.Section).Get<Moderation.ModerationOptions>()?.EventsNeedAPersonOn ?? false)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Moderation.ModerationOptions>()
            .Bind(configuration.GetSection(Moderation.ModerationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Limits.ClientLimitOptions>()
            .Bind(configuration.GetSection(Limits.ClientLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SendGridOptions>()
            .Bind(configuration.GetSection(SendGridOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        AddStorageClients(services, configuration);
        services.AddSingleton<HubStorage>();
        services.AddSingleton<QueueActivity>();
        services.AddSingleton<QueueSender>();
        services.AddSingleton<CreateStorageAtStart>();
        services.AddSingleton(Rendering.ComponentRenderer.Shared);
        services.AddSingleton<Outbox>();
        services.AddSingleton<EmailLedger>();
        services.AddSingleton<SendEmail>();
        services.AddSingleton<CheckHealth>();
        services.AddSingleton<Limits.ClientLimits>();
        UnresolvedKeyVaultReferences.Register(services);

        // A key that is still a Key Vault reference is no key: without a client, emails wait in the outbox.
        if (!string.IsNullOrWhiteSpace(configuration["SendGrid:ApiKey"]) && !UnresolvedKeyVaultReferences.IsReference(configuration["SendGrid:ApiKey"]))
        {
            services.AddHttpClient(nameof(SendGrid));
            services.TryAddSingleton<ISendGridClient>(sp =>
            {
                var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGrid));
                var options = new SendGridClientOptions { ApiKey = configuration["SendGrid:ApiKey"] };
                if (configuration["SendGrid:Host"] is { Length: > 0 } host)
                {
                    options.Host = host;
                }
                return new SendGridClient(http, options);
            });
        }

        var catalog = new FunctionCatalog()
            .Http<CheckHealth>(Triggers.Health, (h, req, ct) => h.HandleAsync(req, ct))
            .Queue<SendEmail, EmailMessage>(Triggers.SendEmail, (h, msg, ct) => h.HandleAsync(msg, ct));
        services.AddContacts(configuration, catalog);
        services.AddSubscriptions(configuration, catalog);
        services.AddSingleton(catalog);
        services.AddEvents(catalog);
        services.AddModeration(catalog);
        services.AddReportsAndDashboard(catalog);
        services.AddPosts(catalog);
        services.AddSupporters(catalog);
        Search.SearchRegistration.AddSearch(services, catalog);
        services.AddHousekeeping(catalog);
        services.AddAccessRequests(configuration, catalog);
        return services;
    }

    /// <summary>
    /// Storage clients from <c>AzureWebJobsStorage</c>: a connection string (Azurite, or an account key),
    /// or, as the Functions host reads them, identity-based settings (<c>AzureWebJobsStorage__accountName</c>
    /// or <c>__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__tableServiceUri</c>, with
    /// <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity).
    /// </summary>
    private static void AddStorageClients(IServiceCollection services, IConfiguration configuration)
    {
        var encoding = string.Equals(configuration["AzureFunctionsJobHost:extensions:queues:messageEncoding"], "none", StringComparison.OrdinalIgnoreCase)
            ? QueueMessageEncoding.None
            : QueueMessageEncoding.Base64;
        var section = configuration.GetSection(StorageSetting);
        var connectionString = IsIdentityBased(configuration) ? null : configuration[StorageSetting];

        // The clients are built here rather than through the generic Azure client registration, whose log
        // forwarder listens to the SDK at its most detailed level; AzureSdkLogging listens only as the settings show.
        services.AddHostedService<AzureSdkLogging>();
        var queueOptions = new QueueClientOptions { MessageEncoding = encoding };
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton(_ => new BlobServiceClient(connectionString));
            services.TryAddSingleton(_ => new QueueServiceClient(connectionString, queueOptions));
            services.TryAddSingleton(_ => new TableServiceClient(connectionString));
            return;
        }

        var account = section["accountName"];
        Uri ServiceUri(string kind) =>
            section[$"{kind}ServiceUri"] is { Length: > 0 } uri ? new Uri(uri)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{kind}.core.windows.net")
            : throw new InvalidOperationException($"Set {StorageSetting} to a connection string, or {StorageSetting}__accountName (or __{kind}ServiceUri) for a managed identity.");

        var (blob, queue, table) = (ServiceUri("blob"), ServiceUri("queue"), ServiceUri("table"));
        services.TryAddSingleton(_ => Credential(section));
        services.TryAddSingleton(sp => new BlobServiceClient(blob, sp.GetRequiredService<TokenCredential>()));
        services.TryAddSingleton(sp => new QueueServiceClient(queue, sp.GetRequiredService<TokenCredential>(), queueOptions));
        services.TryAddSingleton(sp => new TableServiceClient(table, sp.GetRequiredService<TokenCredential>()));
    }

    /// <summary>
    /// Whether identity-based storage settings are present. They win over a connection string, so an operator
    /// can point the self-host at Azure without clearing the development default.
    /// </summary>
    public static bool IsIdentityBased(IConfiguration configuration) =>
        new[] { "accountName", "blobServiceUri", "queueServiceUri", "tableServiceUri" }
            .Any(k => !string.IsNullOrWhiteSpace(configuration[$"{StorageSetting}:{k}"]));

    private static TokenCredential Credential(IConfiguration section) =>
        string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
}
