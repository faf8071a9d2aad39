using System.Text.Json;
using CoproWeek.Infra.Tests.Infrastructure;

namespace CoproWeek.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class AppSettingsTests(CompiledInfra infra)
{
    private const string KeyVaultReference = "[format('@Microsoft.KeyVault(SecretUri={0})'";

    /// <summary>Every setting the hub reads in Azure; local.settings.json.example shows the same ones.</summary>
    private static readonly string[] SettingsTheHubReads =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "Site__PublicUrl",
        "Site__ApiUrl",
        "SendGrid__ApiKey",
        "SendGrid__WebhookVerificationKey",
        "SendGrid__FromEmail",
        "SendGrid__FromName",
        "Subscriptions__AddressHashKey",
        "DigestWeeklySchedule",
        "DigestDailySchedule",
        "CleanupSchedule",
    ];

    private static readonly string[] SecretSettings = ["SendGrid__ApiKey", "SendGrid__WebhookVerificationKey", "Subscriptions__AddressHashKey"];

    /// <summary>
    /// The app settings as the function app module is called with them (name to value, values often
    /// ARM expressions), plus the one it fills with its own URL once the app exists.
    /// </summary>
    private Dictionary<string, string> AppSettings()
    {
        var module = Assert.Single(infra.Main.AllTemplates, t => t.Resources.Any(r => r.Type == "Microsoft.Web/sites/config"));
        var config = Assert.Single(module.Resources, r => r.Type == "Microsoft.Web/sites/config");
        Assert.Contains("appsettings", config.Name, StringComparison.Ordinal);
        Assert.Contains("parameters('appSettings')", config.Json.GetProperty("properties").GetString(), StringComparison.Ordinal);

        var settings = module.ParameterValue("appSettings")!.Value.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        var selfUrl = module.ParameterValue("selfUrlSettingName")?.GetString();
        Assert.False(string.IsNullOrEmpty(selfUrl));
        settings[selfUrl] = "https://{defaultHostName}";
        return settings;
    }

    [Fact]
    public void The_function_app_gets_every_setting_the_hub_reads_and_no_others()
    {
        Assert.Equal(SettingsTheHubReads.Order(StringComparer.Ordinal), AppSettings().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Storage_is_reached_with_the_managed_identity_not_a_connection_string()
    {
        var settings = AppSettings();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("[format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void No_setting_holds_a_key_or_a_connection_string_and_secrets_are_Key_Vault_references()
    {
        var settings = AppSettings();

        Assert.All(settings, s =>
        {
            Assert.DoesNotContain("AccountKey=", s.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DefaultEndpointsProtocol", s.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", s.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("InstrumentationKey=", s.Value, StringComparison.OrdinalIgnoreCase);
        });
        Assert.All(SecretSettings, name => Assert.StartsWith(KeyVaultReference, settings[name], StringComparison.Ordinal));
    }

    [Fact]
    public void Digests_default_to_7am_UTC_on_Mondays_and_every_day()
    {
        Assert.Equal("0 0 7 * * 1", infra.Main.ParameterDefinition("digestWeeklySchedule").GetProperty("defaultValue").GetString());
        Assert.Equal("0 0 7 * * *", infra.Main.ParameterDefinition("digestDailySchedule").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void The_clean_up_of_expired_rows_defaults_to_03_30_UTC_every_day()
    {
        Assert.Equal("0 30 3 * * *", infra.Main.ParameterDefinition("cleanupSchedule").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public void The_local_settings_example_shows_every_setting_the_hub_reads()
    {
        var path = Path.Combine(BicepCli.RepoRoot, "functions", "CoproWeek.Functions", "local.settings.json.example");
        using var example = JsonDocument.Parse(File.ReadAllText(path));
        var names = example.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet();

        var missing = SettingsTheHubReads.Where(s => !names.Contains(s)).ToList();
        Assert.True(missing.Count == 0, "local.settings.json.example lacks: " + string.Join(", ", missing));
    }
}
