using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Email;

/// <summary>The dev outbox: emails written to the <c>outbox</c> container when no SendGrid key is set.</summary>
public sealed class Outbox(HubStorage storage)
{
    public static string BlobName(EmailMessage message) => $"{message.Created.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{message.Id}.json";

    public async Task WriteAsync(EmailMessage message, CancellationToken cancellationToken) =>
        await storage.Container(HubStorage.ContainerNames.Outbox)
            .GetBlobClient(BlobName(message))
            .UploadAsync(BinaryData.FromString(HubJson.Serialize(message)), overwrite: true, cancellationToken);

    /// <summary>The newest emails first.</summary>
    public async Task<IReadOnlyList<EmailMessage>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var container = storage.Container(HubStorage.ContainerNames.Outbox);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
        {
            names.Add(blob.Name);
        }
        names.Sort(StringComparer.Ordinal);
        names.Reverse();
        var messages = await Task.WhenAll(names.Take(max).Select(async name =>
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return HubJson.Deserialize<EmailMessage>(content.Value.Content);
        }));
        return messages;
    }
}
