using CoproWeek.Hub.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Health;

/// <summary>
/// Settings whose value is still an App Service Key Vault reference (<c>@Microsoft.KeyVault(...)</c>). When App Service
/// cannot resolve a reference (the secret is missing, or the app's role on the vault has not applied yet) it hands the
/// app the reference text itself. Such a value is never a secret: the hub treats it as unset, <c>/api/health</c> answers
/// 503 naming it, and it is logged once at start.
/// </summary>
public sealed class UnresolvedKeyVaultReferences(IConfiguration configuration)
{
    public const string Prefix = "@Microsoft.KeyVault(";

    /// <summary>The settings, by configuration key (such as <c>SendGrid:ApiKey</c> for the app setting <c>SendGrid__ApiKey</c>), read once.</summary>
    public IReadOnlyList<string> Settings { get; } = configuration.AsEnumerable()
        .Where(setting => IsReference(setting.Value))
        .Select(setting => setting.Key)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static bool IsReference(string? value) =>
        value is not null && value.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The detector, the start-up log line, and SendGrid settings that count as unset while they are unresolved references.</summary>
    internal static void Register(IServiceCollection services)
    {
        services.AddSingleton<UnresolvedKeyVaultReferences>();
        services.AddHostedService<Report>();
        services.PostConfigure<SendGridOptions>(o =>
        {
            o.ApiKey = IsReference(o.ApiKey) ? null : o.ApiKey;
            o.WebhookVerificationKey = IsReference(o.WebhookVerificationKey) ? null : o.WebhookVerificationKey;
        });
    }

    /// <summary>Says once, at start, which settings are unresolved references.</summary>
    private sealed class Report(UnresolvedKeyVaultReferences references, ILogger<UnresolvedKeyVaultReferences> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (references.Settings.Count > 0)
            {
                logger.LogError(
                    "Settings {Settings} are Key Vault references that did not resolve; the hub treats them as unset until the app can read their secrets",
                    string.Join(", ", references.Settings));
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
