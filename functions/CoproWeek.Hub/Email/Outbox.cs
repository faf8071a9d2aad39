using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.Hosting;

namespace CoproWeek.Hub.Email;

/// <summary>
/// The dev outbox: emails written to the <c>outbox</c> container when no SendGrid key is set. A sensitive email (an
/// access request) keeps its words here only in Development; anywhere else the outbox holds a note in their place.
/// </summary>
public sealed class Outbox(HubStorage storage, IHostEnvironment? environment = null)
{
    public const string WithheldText = "This email held an access request (health information). The outbox keeps its words only in Development.";

    public static string BlobName(EmailMessage message) => $"{message.Created.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{message.Id}.json";

    public async Task WriteAsync(EmailMessage message, CancellationToken cancellationToken) =>
        await storage.Container(HubStorage.ContainerNames.Outbox)
            .GetBlobClient(BlobName(message))
            .UploadAsync(BinaryData.FromString(HubJson.Serialize(Kept(message))), overwrite: true, cancellationToken);

    /// <summary>What the outbox keeps of an email: all of it, except the words of a sensitive one outside Development.</summary>
    public EmailMessage Kept(EmailMessage message) =>
        message.Sensitive && environment?.IsDevelopment() != true
            ? message with { Html = "<p>" + WithheldText + "</p>", Text = WithheldText, ReplyTo = null }
            : message;

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
