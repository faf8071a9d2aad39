using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.Options;

namespace CoproWeek.Tests.Infrastructure;

/// <summary>Hub storage on the shared Azurite under a fresh prefix, for tests that drive one piece without a whole host.</summary>
public static class TestStorage
{
    public static async Task<HubStorage> CreateAsync(AzuriteFixture azurite)
    {
        var connection = azurite.ConnectionString;
        var storage = new HubStorage(
            new TableServiceClient(connection),
            new BlobServiceClient(connection),
            new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }),
            Options.Create(new StorageOptions { Prefix = AzuriteFixture.NewPrefix() }));
        await storage.EnsureCreatedAsync(CancellationToken.None);
        return storage;
    }
}
