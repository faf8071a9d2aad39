using CoproWeek.Hub;
using CoproWeek.Hub.Storage;
using CoproWeek.Infra.Tests.Infrastructure;

namespace CoproWeek.Infra.Tests;

/// <summary>The template creates every table, queue and container the hub uses, so an instance in Azure starts without creating any.</summary>
[Collection(InfraCollection.Name)]
public sealed class StorageDeclaredTests(CompiledInfra infra)
{
    private ArmTemplate Storage => infra.Main.Module("storage");

    /// <summary>The literal names main.bicep passes the storage module for one list (expressions, such as the deployment container, left out).</summary>
    private List<string> Names(string parameter) =>
        Storage.ParameterValue(parameter)!.Value.EnumerateArray()
            .Select(v => v.GetString()!)
            .Where(v => !v.StartsWith('['))
            .ToList();

    /// <summary>The storage module creates one resource of <paramref name="type"/> per name in its parameter.</summary>
    private void AssertCreatedFor(string type, string parameter)
    {
        var loop = Assert.Single(Storage.Resources, r => r.Type == type && !r.IsExisting);
        Assert.Equal($"[length(parameters('{parameter}'))]", loop.Json.GetProperty("copy").GetProperty("count").GetString());
        Assert.Contains($"parameters('{parameter}')[copyIndex()]", loop.Name, StringComparison.Ordinal);
        Assert.False(loop.Json.TryGetProperty("condition", out _), $"{type} is created only on a condition.");
    }

    [Fact]
    public void Every_table_the_hub_uses_is_created()
    {
        AssertCreatedFor("Microsoft.Storage/storageAccounts/tableServices/tables", "tables");
        Assert.Equal(HubStorage.TableNames.All.Order(StringComparer.Ordinal), Names("tables").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_queue_the_hub_uses_is_created_with_its_poison_twin()
    {
        AssertCreatedFor("Microsoft.Storage/storageAccounts/queueServices/queues", "queues");
        var expected = Triggers.Queues.All.SelectMany(q => new[] { q, q + Triggers.Queues.PoisonSuffix });
        Assert.Equal(expected.Order(StringComparer.Ordinal), Names("queues").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_container_the_hub_uses_is_created_and_the_static_website_makes_web()
    {
        AssertCreatedFor("Microsoft.Storage/storageAccounts/blobServices/containers", "containers");
        Assert.Equal(HubStorage.ContainerNames.All.Order(StringComparer.Ordinal), Names("containers").Order(StringComparer.Ordinal));
        // Besides the hub's, only the deployment package's container, named by an expression.
        Assert.Single(Storage.ParameterValue("containers")!.Value.EnumerateArray(), v => v.GetString()!.StartsWith('['));

        // The hub publishes into $web, which Azure creates when the static website is switched on.
        Assert.Equal("$web", new StorageOptions().SiteContainer);
        var staticWebsite = Assert.Single(Storage.Resources, r => r.Type == "Microsoft.Storage/storageAccounts/blobServices").Properties.GetProperty("staticWebsite");
        Assert.True(Storage.Resolve(staticWebsite.GetProperty("enabled"))?.GetBoolean());
    }

    [Fact]
    public void The_static_website_is_switched_on_in_Bicep_with_an_index_and_a_404_page()
    {
        var blobService = Assert.Single(Storage.Resources, r => r.Type == "Microsoft.Storage/storageAccounts/blobServices");
        var staticWebsite = blobService.Properties.GetProperty("staticWebsite");

        Assert.True(Storage.Resolve(staticWebsite.GetProperty("enabled"))?.GetBoolean());
        Assert.Equal("index.html", Storage.Resolve(staticWebsite.GetProperty("indexDocument"))?.GetString());
        Assert.Equal("404.html", Storage.Resolve(staticWebsite.GetProperty("errorDocument404Path"))?.GetString());
        Assert.Equal("2025-08-01", blobService.Json.GetProperty("apiVersion").GetString());
    }
}
