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

    public async Task WriteAllAsync(IEnumerable<SiteFile> files, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (file, ct) => await WriteAsync(file, ct));

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
