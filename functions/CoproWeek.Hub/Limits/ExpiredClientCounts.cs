using System.Globalization;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Limits;

/// <summary>Per-client counts of hours that are over: blobs <c>{action}/{yyyyMMddHH}/{client}</c> in the limits container.</summary>
public sealed class ExpiredClientCounts(HubStorage storage) : IExpirySweep
{
    public string Kind => "per-client request counts";

    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = storage.Container(HubStorage.ContainerNames.Limits);
        var removed = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
        {
            var parts = blob.Name.Split('/');
            if (parts.Length == 3
                && DateTimeOffset.TryParseExact(parts[1], "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var hour)
                && hour + ClientLimits.Window <= now
                && await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken))
            {
                removed++;
            }
        }
        return removed;
    }
}
