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

    // A bilingual story's Welsh words, beside its English ones, so a release can re-render its Welsh page without Markdown.
    private static string WelshName(string id) => $"published/posts/{Uri.EscapeDataString(id)}.cy.html";

    public Task WriteAsync(string id, string safeHtml, CancellationToken cancellationToken) =>
        Container.GetBlobClient(Name(id)).UploadAsync(BinaryData.FromString(safeHtml),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } }, cancellationToken);

    /// <summary>Keeps a bilingual story's Welsh words made safe, or removes them when the story is now in one language.</summary>
    public async Task WriteWelshAsync(string id, string? safeHtml, CancellationToken cancellationToken)
    {
        if (safeHtml is null)
        {
            await Container.GetBlobClient(WelshName(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            return;
        }
        await Container.GetBlobClient(WelshName(id)).UploadAsync(BinaryData.FromString(safeHtml),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } }, cancellationToken);
    }

    /// <summary>A bilingual story's Welsh words made safe, or null (a story in one language, or one published before they were kept).</summary>
    public async Task<string?> ReadWelshAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await Container.GetBlobClient(WelshName(id)).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await Container.GetBlobClient(Name(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await Container.GetBlobClient(WelshName(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

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
