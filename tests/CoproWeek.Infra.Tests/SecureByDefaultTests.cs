using System.Text.RegularExpressions;
using CoproWeek.Infra.Tests.Infrastructure;

namespace CoproWeek.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class SecureByDefaultTests(CompiledInfra infra)
{
    /// <summary>The built-in roles the hub uses, by their fixed role definition ids.</summary>
    private static readonly Dictionary<string, string> RolesTheAppUses = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
    };

    private IEnumerable<ArmResource> Created(string type) => infra.Main.AllResources.Where(r => r.Type == type && !r.IsExisting);

    [Fact]
    public void The_storage_account_accepts_only_Entra_ID_over_HTTPS_and_TLS_1_2_with_no_public_blobs()
    {
        var storage = Assert.Single(Created("Microsoft.Storage/storageAccounts")).Properties;

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.Equal("TLS1_2", storage.GetProperty("minimumTlsVersion").GetString());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(storage.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
    }

    [Fact]
    public void Blob_containers_the_template_creates_are_private()
    {
        var containers = Created("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal("None", c.Properties.GetProperty("publicAccess").GetString()));
    }

    [Fact]
    public void The_function_app_runs_dotnet_isolated_10_on_the_Flex_Consumption_plan_over_HTTPS_only()
    {
        var plan = Assert.Single(Created("Microsoft.Web/serverfarms")).Json;
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());

        var site = Assert.Single(Created("Microsoft.Web/sites"));
        Assert.True(site.Properties.GetProperty("httpsOnly").GetBoolean());
        var config = site.Properties.GetProperty("functionAppConfig");
        Assert.Equal("dotnet-isolated", site.Template.Resolve(config.GetProperty("runtime").GetProperty("name"))?.GetString());
        Assert.Equal("10.0", site.Template.Resolve(config.GetProperty("runtime").GetProperty("version"))?.GetString());
        Assert.Equal("1.2", site.Properties.GetProperty("siteConfig").GetProperty("minTlsVersion").GetString());
    }

    [Fact]
    public void The_function_app_runs_as_the_user_assigned_identity_and_reads_its_package_with_it()
    {
        var site = Assert.Single(Created("Microsoft.Web/sites"));

        Assert.Equal("UserAssigned", site.Json.GetProperty("identity").GetProperty("type").GetString());
        var storage = site.Properties.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        var authentication = storage.GetProperty("authentication");
        Assert.Equal("UserAssignedIdentity", authentication.GetProperty("type").GetString());
        Assert.Equal("[parameters('identityId')]", authentication.GetProperty("userAssignedIdentityResourceId").GetString());
        Assert.Equal("[parameters('identityId')]", site.Properties.GetProperty("keyVaultReferenceIdentity").GetString());
    }

    [Fact]
    public void FTP_and_SCM_basic_publishing_credentials_are_off()
    {
        var policies = Created("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        foreach (var kind in new[] { "ftp", "scm" })
        {
            var policy = Assert.Single(policies, p => p.Name.EndsWith($"'{kind}')]", StringComparison.Ordinal) || p.Name.EndsWith($"/{kind}", StringComparison.Ordinal));
            Assert.False(policy.Properties.GetProperty("allow").GetBoolean());
        }
    }

    [Fact]
    public void Every_role_assignment_grants_one_of_the_five_roles_the_app_uses_and_each_is_granted()
    {
        var granted = Created("Microsoft.Authorization/roleAssignments")
            .Select(r => (Resource: r, Ids: Guid().Matches(r.Properties.GetProperty("roleDefinitionId").GetString()!).Select(m => m.Value).ToList()))
            .ToList();

        Assert.All(granted, g =>
        {
            var id = Assert.Single(g.Ids);
            Assert.True(RolesTheAppUses.ContainsKey(id), $"{g.Resource} grants role {id}, which the app does not need.");
        });
        Assert.Equal(RolesTheAppUses.Keys.Order(), granted.Select(g => g.Ids[0]).Distinct().Order());
    }

    [Fact]
    public void Key_Vault_is_authorised_by_RBAC_and_Application_Insights_accepts_only_Entra_ID()
    {
        var vault = Assert.Single(Created("Microsoft.KeyVault/vaults")).Properties;
        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(vault.GetProperty("enableSoftDelete").GetBoolean());

        var insights = Assert.Single(Created("Microsoft.Insights/components")).Properties;
        Assert.True(insights.GetProperty("DisableLocalAuth").GetBoolean());
    }

    [Fact]
    public void Nothing_in_the_templates_reads_or_builds_a_storage_key()
    {
        var text = infra.Main.Json.GetRawText();

        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DefaultEndpointsProtocol", text, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();
}
