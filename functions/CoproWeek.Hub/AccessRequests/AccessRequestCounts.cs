using System.Globalization;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CoproWeek.Hub.Limits;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>
/// How many access requests each event has had, and nothing else about them: an append blob per event and UTC day in
/// the limits container (<c>access-requests/{eventId}/{yyyyMMdd}</c>), a byte per request, counted the same exact way
/// across hosts as the per-client limits. It gives the per-event ceiling, the count on the organiser's manage page
/// and the campaign's total. Requests refused for the ceiling are not counted as requests.
/// </summary>
public sealed class AccessRequestCounts(HubStorage storage, IOptions<AccessRequestOptions> options, TimeProvider time)
{
    public const string Prefix = "access-requests/";

    private readonly CoalescedCounts _counts = new(name => storage.Container(HubStorage.ContainerNames.Limits).GetAppendBlobClient(name));

    /// <summary>Counts one more request for the event today; false when that is over the day's ceiling.</summary>
    public async Task<bool> TryCountAsync(string eventId)
    {
        var place = await _counts.CountAsync(BlobName(eventId, time.GetUtcNow()));
        var ceiling = options.Value.PerEventPerDay;
        return ceiling <= 0 || place <= ceiling;
    }

    /// <summary>How many requests the event has had, all days together.</summary>
    public Task<long> ForEventAsync(string eventId, CancellationToken cancellationToken) =>
        SumAsync(Prefix + eventId + "/", cancellationToken);

    /// <summary>How many access requests every event together has had: for the campaign dashboard.</summary>
    public Task<long> TotalAsync(CancellationToken cancellationToken) => SumAsync(Prefix, cancellationToken);

    /// <summary>Requests per event id, for a dashboard that breaks the total down.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ByEventAsync(CancellationToken cancellationToken)
    {
        var byEvent = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var (name, count) in DaysAsync(Prefix, cancellationToken))
        {
            var id = name.Split('/')[1];
            byEvent[id] = byEvent.GetValueOrDefault(id) + count;
        }
        return byEvent;
    }

    /// <summary>The count in words for the organiser's manage page: how many, never what.</summary>
    public static string Words(long count) => count switch
    {
        0 => "Nobody has asked about access through the website yet.",
        1 => "1 person has asked about access through the website. We sent the request to your email address.",
        _ => $"{count.ToString("N0", CultureInfo.InvariantCulture)} people have asked about access through the website. We sent each request to your email address.",
    };

    private async Task<long> SumAsync(string prefix, CancellationToken cancellationToken)
    {
        long total = 0;
        await foreach (var (_, count) in DaysAsync(prefix, cancellationToken))
        {
            total += count;
        }
        return total;
    }

    /// <summary>Each event-day's count: its blob's length, less any requests past the ceiling (those were refused).</summary>
    private async IAsyncEnumerable<(string Name, long Count)> DaysAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ceiling = options.Value.PerEventPerDay;
        var container = storage.Container(HubStorage.ContainerNames.Limits);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            var length = blob.Properties.ContentLength ?? 0;
            yield return (blob.Name, ceiling > 0 ? Math.Min(length, ceiling) : length);
        }
    }

    private static string BlobName(string eventId, DateTimeOffset now) =>
        $"{Prefix}{eventId}/{now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
}
