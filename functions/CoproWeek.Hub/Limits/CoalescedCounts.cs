using System.Globalization;
using System.Net;
using Azure;
using Azure.Storage.Blobs.Specialized;

namespace CoproWeek.Hub.Limits;

/// <summary>
/// Counts requests in append blobs, one byte a request, shared by every host on the account. Requests for one blob
/// that arrive while an append for it is on its way wait for the next append, which carries them all: a burst from
/// one client costs one storage call a round trip rather than one a request, and each request still learns its
/// exact place in the count, the bytes the blob held before the append (from every host) plus its place in the batch.
/// </summary>
internal sealed class CoalescedCounts(Func<string, AppendBlobClient> blob)
{
    private sealed class Pending
    {
        public List<TaskCompletionSource<long>> Waiting { get; set; } = [];
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>This request's place in the blob's count (1 for the first request of all).</summary>
    public Task<long> CountAsync(string name)
    {
        var place = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            start = !_pending.TryGetValue(name, out var pending);
            if (start)
            {
                _pending[name] = pending = new Pending();
            }
            pending!.Waiting.Add(place);
        }
        if (start)
        {
            _ = AppendWhileWaitingAsync(name);
        }
        return place.Task;
    }

    /// <summary>Appends one byte for each waiting request, until none waits; then the blob's entry goes.</summary>
    private async Task AppendWhileWaitingAsync(string name)
    {
        while (true)
        {
            List<TaskCompletionSource<long>> batch;
            lock (_gate)
            {
                var pending = _pending[name];
                if (pending.Waiting.Count == 0)
                {
                    _pending.Remove(name);
                    return;
                }
                batch = pending.Waiting;
                pending.Waiting = [];
            }
            try
            {
                var before = await AppendAsync(blob(name), batch.Count);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].TrySetResult(before + i + 1);
                }
            }
            catch (Exception e)
            {
                foreach (var place in batch)
                {
                    place.TrySetException(e);
                }
            }
        }
    }

    /// <returns>How many bytes the blob held before this append.</returns>
    private static async Task<long> AppendAsync(AppendBlobClient blob, int requests)
    {
        try
        {
            return await AppendOnceAsync(blob, requests);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // The client's first request this hour: make its blob (another host may be making it too), then count.
            await blob.CreateIfNotExistsAsync();
            return await AppendOnceAsync(blob, requests);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "BlockCountExceedsLimit")
        {
            return long.MaxValue / 2; // 50,000 appends this hour: over any limit the options allow
        }
    }

    private static async Task<long> AppendOnceAsync(AppendBlobClient blob, int requests)
    {
        using var bytes = new MemoryStream(new byte[requests], writable: false);
        var appended = await blob.AppendBlockAsync(bytes);
        return long.Parse(appended.Value.BlobAppendOffset, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
