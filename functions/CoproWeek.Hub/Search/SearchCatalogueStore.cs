using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Search;

/// <summary>
/// Keeps the search catalogue at <c>published/search.json</c> in the private hosts container (beside the site-build record), and one Lucene
/// index of it in memory per host. Every site rebuild writes a new catalogue; a host notices it at once if it did the
/// rebuild itself, or within <see cref="CheckEvery"/> otherwise (one small request for the blob's ETag).
/// </summary>
public sealed class SearchCatalogueStore(HubStorage storage, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);
    private const string BlobName = "published/search.json";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private TextIndex? _index;
    private ETag? _etag;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    private BlobClient Blob => storage.Container(HubStorage.ContainerNames.Hosts).GetBlobClient(BlobName);

    public async Task WriteAsync(SearchCatalogue catalogue, CancellationToken cancellationToken)
    {
        await Blob.UploadAsync(BinaryData.FromString(HubJson.Serialize(catalogue)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
        _checkedAt = DateTimeOffset.MinValue;
    }

    /// <summary>The index of the newest catalogue (an empty one before the first rebuild).</summary>
    public async Task<TextIndex> IndexAsync(CancellationToken cancellationToken)
    {
        if (_index is { } current && time.GetUtcNow() - _checkedAt < CheckEvery)
        {
            return current;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_index is { } fresh && time.GetUtcNow() - _checkedAt < CheckEvery)
            {
                return fresh;
            }
            var checkedAt = time.GetUtcNow();
            TextIndex? loaded = null;
            try
            {
                var properties = await Blob.GetPropertiesAsync(cancellationToken: cancellationToken);
                if (_index is null || properties.Value.ETag != _etag)
                {
                    var download = await Blob.DownloadContentAsync(cancellationToken);
                    loaded = new TextIndex(HubJson.Deserialize<SearchCatalogue>(download.Value.Content));
                    _etag = download.Value.Details.ETag;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                loaded = _index is null || _etag is not null ? new TextIndex(new SearchCatalogue(checkedAt, [])) : null;
                _etag = null;
            }
            if (loaded is not null)
            {
                // Searches already under way keep the old index; it is left for the collector rather than disposed beneath them.
                _index = loaded;
            }
            _checkedAt = checkedAt;
            return _index!;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose()
    {
        _index?.Dispose();
        _loading.Dispose();
    }
}
