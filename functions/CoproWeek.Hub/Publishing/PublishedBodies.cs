using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Publishing;

/// <summary>
/// The safe HTML of each published story's words (as <see cref="Posts.PostBodyRenderer"/> made it), kept privately at
/// <c>published/posts/{id}.html</c> in the private hosts container (beside the site-build record), so the feeds can carry stories in full without
/// rendering Markdown again or reading each story's private files. Written when a story is published, removed when it is withdrawn.
/// </summary>
public sealed class PublishedBodies(HubStorage storage)
{
    private BlobContainerClient Container => storage.Container(HubStorage.ContainerNames.Hosts);

    private static string Name(string id) => $"published/posts/{Uri.EscapeDataString(id)}.html";

    public Task WriteAsync(string id, string safeHtml, CancellationToken cancellationToken) =>
        Container.GetBlobClient(Name(id)).UploadAsync(BinaryData.FromString(safeHtml),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } }, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        Container.GetBlobClient(Name(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>The bodies of these stories that have one (a story published before bodies were kept has none: its feed entry keeps its summary).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            try
            {
                found[id] = (await Container.GetBlobClient(Name(id)).DownloadContentAsync(ct)).Value.Content.ToString();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        });
        return found;
    }
}
