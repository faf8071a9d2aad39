using Azure;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Publishing;

/// <summary>Writes files into the <c>$web</c> container with their content type and caching, as the static website serves them.</summary>
public sealed class SiteWriter(HubStorage storage)
{
    public int BlobsWritten => _written;
    private int _written;

    public async Task WriteAsync(SiteFile file, CancellationToken cancellationToken)
    {
        await storage.Site.GetBlobClient(file.Path).UploadAsync(BinaryData.FromString(file.Content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = file.ContentType,
                CacheControl = file.ContentType.StartsWith("text/css", StringComparison.Ordinal) ? "public, max-age=3600" : "public, max-age=60",
            },
        }, cancellationToken);
        Interlocked.Increment(ref _written);
    }

    /// <summary>Blob metadata that marks a page as gone: the self-host answers it with 410 Gone.</summary>
    public const string GoneMetadata = "gone";

    /// <summary>Writes the page that stands where a taken-down item was, marked gone.</summary>
    public async Task WriteGoneAsync(string path, string html, CancellationToken cancellationToken)
    {
        await storage.Site.GetBlobClient(path).UploadAsync(BinaryData.FromString(html), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = Site.EventSite.HtmlType, CacheControl = "public, max-age=60" },
            Metadata = new Dictionary<string, string> { [GoneMetadata] = "true" },
        }, cancellationToken);
        Interlocked.Increment(ref _written);
    }

    public async Task WriteAllAsync(IEnumerable<SiteFile> files, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (file, ct) => await WriteAsync(file, ct));

    /// <summary>Writes a binary file, such as a story's picture. Pictures never change under one name, so they cache for a day.</summary>
    public async Task WriteBinaryAsync(string path, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        await storage.Site.GetBlobClient(path).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=86400" },
        }, cancellationToken);
        Interlocked.Increment(ref _written);
    }

    /// <summary>The names of the files under <paramref name="prefix"/> (a folder such as <c>posts/{slug}/</c>).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in storage.Site.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Site.DeleteBlobIfExistsAsync(path, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
