using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// Slows down whoever keeps sending wrong moderator keys. Failures are counted in storage, one row per client
/// per minute (incremented with ETags), so every host sees the same counts. The fifth failure in a minute
/// blocks the client for a minute; each block that follows within the hour lasts twice as long, up to an hour.
/// </summary>
/// <remarks>
/// Rows live in partition <c>throttle</c> of table <c>Moderators</c>, keyed by a hash of the client's address
/// (no addresses are stored). A short in-memory cache saves a read per request; a block set on another host
/// is seen here within <see cref="CacheFor"/>.
/// </remarks>
public sealed class SignInThrottle(HubStorage storage, TimeProvider time)
{
    public const int FailuresAllowed = 5;
    public static readonly TimeSpan FirstBlock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestBlock = TimeSpan.FromHours(1);
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    internal const string Partition = "throttle";

    private readonly ConcurrentDictionary<string, (DateTimeOffset BlockedUntil, DateTimeOffset Checked)> _cache = new(StringComparer.Ordinal);

    private TableClient Table => storage.Table(HubStorage.TableNames.Moderators);

    /// <summary>How long this client must wait before trying again, or null if it may try now.</summary>
    public async Task<TimeSpan?> WaitAsync(string client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = ClientKey(client);
        if (!_cache.TryGetValue(key, out var known) || now - known.Checked >= CacheFor)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, key, select: ["BlockedUntil"], cancellationToken: cancellationToken);
            known = (row.HasValue ? row.Value!.GetDateTimeOffset("BlockedUntil") ?? default : default, now);
            _cache[key] = known;
        }
        return known.BlockedUntil > now ? known.BlockedUntil - now : null;
    }

    /// <summary>Counts a failure; returns how long the client is now blocked for, if this failure blocked it.</summary>
    public async Task<TimeSpan?> FailedAsync(string client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = ClientKey(client);
        var failures = await IncrementAsync($"{key}-{now.ToUnixTimeSeconds() / 60:D10}", cancellationToken);
        if (failures < FailuresAllowed)
        {
            return null;
        }
        var until = await BlockAsync(key, now, cancellationToken);
        _cache[key] = (until, now);
        return until - now;
    }

    private async Task<int> IncrementAsync(string rowKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
            try
            {
                if (!row.HasValue)
                {
                    await Table.AddEntityAsync(new TableEntity(Partition, rowKey) { ["Count"] = 1 }, cancellationToken);
                    return 1;
                }
                var count = (row.Value!.GetInt32("Count") ?? 0) + 1;
                row.Value["Count"] = count;
                await Table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return count;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another host counted a failure at the same moment: read again and add ours.
            }
        }
    }

    private async Task<DateTimeOffset> BlockAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
            var previous = row.HasValue ? row.Value!.GetDateTimeOffset("BlockedUntil") : null;
            if (previous > now)
            {
                return previous.Value;
            }
            var level = previous is { } ended && now - ended < LongestBlock ? (row.Value!.GetInt32("Level") ?? 0) + 1 : 1;
            var length = TimeSpan.FromTicks(Math.Min(LongestBlock.Ticks, FirstBlock.Ticks << Math.Min(level - 1, 10)));
            var entity = new TableEntity(Partition, key) { ["Level"] = level, ["BlockedUntil"] = now + length };
            try
            {
                if (row.HasValue)
                {
                    await Table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(entity, cancellationToken);
                }
                return now + length;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
            }
        }
    }

    private static string ClientKey(string client) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("throttle:" + client)))[..24];
}
