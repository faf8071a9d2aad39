using CoproWeek.Infra.Tests.Infrastructure;

namespace CoproWeek.Infra.Tests;

/// <summary>What keeps a key that must never change, and says when telemetry starts being dropped.</summary>
[Collection(InfraCollection.Name)]
public sealed class SafeguardsTests(CompiledInfra infra)
{
    [Fact]
    public void Key_Vault_purge_protection_is_on_by_default_and_a_parameter_can_turn_it_off()
    {
        var parameter = infra.Main.ParameterDefinition("keyVaultPurgeProtection");
        Assert.Equal("bool", parameter.GetProperty("type").GetString());
        Assert.True(parameter.GetProperty("defaultValue").GetBoolean());

        var keyVault = infra.Main.Module("key-vault");
        Assert.Equal("[parameters('keyVaultPurgeProtection')]", keyVault.ParameterValue("enablePurgeProtection")?.GetString());
        Assert.True(keyVault.ParameterDefinition("enablePurgeProtection").GetProperty("defaultValue").GetBoolean());
        var vault = Assert.Single(keyVault.Resources, r => r.Type == "Microsoft.KeyVault/vaults" && !r.IsExisting);
        // ARM takes only true or nothing: false is sent as an absent property, which never switches protection off.
        Assert.Equal("[if(parameters('enablePurgeProtection'), true(), null())]", vault.Properties.GetProperty("enablePurgeProtection").GetString());
    }

    [Fact]
    public void An_alert_fires_when_Log_Analytics_reaches_its_daily_cap()
    {
        var monitoring = infra.Main.Module("monitoring");
        var workspace = Assert.Single(monitoring.Resources, r => r.Type == "Microsoft.OperationalInsights/workspaces");
        var cap = monitoring.Resolve(workspace.Properties.GetProperty("workspaceCapping").GetProperty("dailyQuotaGb"))?.GetInt32();
        Assert.True(cap > 0, "The workspace should have a daily cap.");

        var alert = Assert.Single(monitoring.Resources, r => r.Type == "Microsoft.Insights/scheduledQueryRules");
        Assert.False(alert.Json.TryGetProperty("condition", out _), "The alert must always exist.");
        Assert.True(alert.Properties.GetProperty("enabled").GetBoolean());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", Assert.Single(alert.Properties.GetProperty("scopes").EnumerateArray()).GetString());
        var criterion = Assert.Single(alert.Properties.GetProperty("criteria").GetProperty("allOf").EnumerateArray());
        var query = criterion.GetProperty("query").GetString()!;
        Assert.Contains("_LogOperation", query);
        Assert.Contains("OverQuota", query);
        Assert.Equal("GreaterThan", criterion.GetProperty("operator").GetString());
        Assert.Equal(0, criterion.GetProperty("threshold").GetInt32());
    }
}
