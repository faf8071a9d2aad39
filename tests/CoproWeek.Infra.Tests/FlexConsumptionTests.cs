using System.Text.Json;
using CoproWeek.Infra.Tests.Infrastructure;

namespace CoproWeek.Infra.Tests;

/// <summary>What Flex Consumption accepts, from Microsoft's "Flex Consumption plan deprecations" table and its quickstart.</summary>
[Collection(InfraCollection.Name)]
public sealed class FlexConsumptionTests(CompiledInfra infra)
{
    /// <summary>Site properties the table lists as not supported, renamed or not valid on Flex Consumption.</summary>
    private static readonly string[] UnsupportedSiteProperties =
    [
        "alwaysOn", "containerSize", "dnsConfiguration", "ftpsState", "isReserved", "IsXenon", "javaVersion",
        "linuxFxVersion", "netFrameworkVersion", "powerShellVersion", "functionAppScaleLimit", "preWarmedInstanceCount",
        "use32BitWorkerProcess", "vnetBackupRestoreEnabled", "vnetContentShareEnabled", "vnetImagePullEnabled",
        "vnetRouteAllEnabled", "windowsFxVersion",
    ];

    /// <summary>App settings the same table lists as replaced or not valid.</summary>
    private static readonly string[] UnsupportedAppSettings =
    [
        "ENABLE_ORYX_BUILD", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION",
        "FUNCTIONS_MAX_HTTP_CONCURRENCY", "FUNCTIONS_WORKER_PROCESS_COUNT", "FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED",
        "SCM_DO_BUILD_DURING_DEPLOYMENT", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTOVERVNET",
        "WEBSITE_CONTENTSHARE", "WEBSITE_DNS_SERVER", "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT", "WEBSITE_NODE_DEFAULT_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_SKIP_CONTENTSHARE_VALIDATION", "WEBSITE_VNET_ROUTE_ALL",
    ];

    /// <summary>Regions the Flex Consumption quickstart (Azure-Samples/functions-quickstart-dotnet-azd) offers.</summary>
    private static readonly string[] FlexRegions =
    [
        "australiaeast", "australiasoutheast", "brazilsouth", "canadacentral", "centralindia", "centralus", "eastasia", "eastus",
        "eastus2", "eastus2euap", "francecentral", "germanywestcentral", "italynorth", "japaneast", "koreacentral", "northcentralus",
        "northeurope", "norwayeast", "southafricanorth", "southcentralus", "southeastasia", "southindia", "spaincentral",
        "swedencentral", "uaenorth", "uksouth", "ukwest", "westcentralus", "westeurope", "westus", "westus2", "westus3",
    ];

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };

    [Fact]
    public void No_site_property_or_app_setting_that_Flex_Consumption_does_not_support_is_set()
    {
        var sites = infra.Main.AllResources.Where(r => r.Type.StartsWith("Microsoft.Web/sites", StringComparison.Ordinal) && !r.IsExisting).ToList();
        Assert.NotEmpty(sites);

        var found = sites
            .SelectMany(site => PropertyNames(site.Json).Select(name => (site, name)))
            .Where(p => UnsupportedSiteProperties.Contains(p.name, StringComparer.OrdinalIgnoreCase))
            .Select(p => $"{p.name} on {p.site}")
            .ToList();
        Assert.True(found.Count == 0, "Flex Consumption does not support: " + string.Join("; ", found));

        var appSettings = infra.Main.AllTemplates
            .Select(t => t.ParameterValue("appSettings"))
            .OfType<JsonElement>()
            .SelectMany(v => v.EnumerateObject().Select(p => p.Name))
            .ToList();
        Assert.NotEmpty(appSettings);
        Assert.Empty(appSettings.Intersect(UnsupportedAppSettings, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_maximumInstanceCount_is_at_least_40_the_least_Flex_Consumption_accepts()
    {
        var definitions = infra.Main.AllTemplates
            .Where(t => t.Json.TryGetProperty("parameters", out var p) && p.TryGetProperty("maximumInstanceCount", out _))
            .Select(t => (t.Path, Definition: t.ParameterDefinition("maximumInstanceCount")))
            .ToList();

        Assert.Equal(3, definitions.Count); // main.bicep, app/api.bicep and the Flex Consumption module
        Assert.All(definitions, d =>
        {
            Assert.True(d.Definition.TryGetProperty("minValue", out var min) && min.GetInt32() == 40, $"{d.Path}: maximumInstanceCount needs @minValue(40).");
            Assert.True(d.Definition.GetProperty("defaultValue").GetInt32() >= 40, $"{d.Path}: the default is below 40.");
        });
    }

    [Fact]
    public void Location_is_limited_to_regions_that_offer_Flex_Consumption()
    {
        var location = infra.Main.ParameterDefinition("location");

        Assert.True(location.TryGetProperty("allowedValues", out var allowed), "location needs an @allowed list of Flex Consumption regions.");
        var regions = allowed.EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains("uksouth", regions);
        Assert.All(regions, r => Assert.Contains(r, FlexRegions));
        Assert.DoesNotContain("eastus2euap", regions); // early-access (canary) region, not for a production hub
    }
}
