using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// Slows down whoever keeps sending wrong moderator keys. A key is checked only after the client has reserved one
/// of its tries in storage, so a burst of concurrent wrong keys gets at most <see cref="FailuresAllowed"/> of them
/// checked, on any number of hosts; the rest are answered 429 at once. The fifth failure within a minute blocks the
/// client for a minute; each block that follows within the hour lasts twice as long, up to an hour. A right key
/// gives its try back.
/// </summary>
/// <remarks>
/// One row per client in partition <c>throttle</c> of table <c>Moderators</c>, keyed by a hash of the client's
/// address (no addresses are stored), changed only with its ETag: failures in the current minute, tries reserved
/// and not yet settled, the block and its level, and when the row may be removed (<c>Expires</c>). A reservation a
/// dead host never settled stops counting after <see cref="ReservationLasts"/>. A block known on this host is
/// answered without a storage call; one set on another host is seen by the next reservation.
/// </remarks>
public sealed class SignInThrottle(HubStorage storage, TimeProvider time)
{
    public const int FailuresAllowed = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan FirstBlock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestBlock = TimeSpan.FromHours(1);
    public static readonly TimeSpan ReservationLasts = TimeSpan.FromSeconds(30);
    internal const string Partition = "throttle";

    // One client's changes are made one at a time on this host (striped, so memory stays bounded); the ETag
    // keeps hosts apart. Without this a burst from one client would mostly retry lost ETag races.
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);

    private TableClient Table => storage.Table(HubStorage.TableNames.Moderators);

    /// <summary>How long this client must wait (blocked, as far as storage knows now), or null if it is not blocked. Changes nothing.</summary>
    public async Task<TimeSpan?> WaitAsync(string client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (state, _) = await ReadAsync(ClientKey(client), cancellationToken);
        return state.BlockedUntil > now ? state.BlockedUntil.Value - now : null;
    }

    /// <summary>
    /// Reserves one try before a key is checked. Null: go ahead, then call <see cref="FailedAsync"/> or
    /// <see cref="SucceededAsync"/>. Otherwise the time to wait: the client is blocked, or its tries for now are
    /// used up or still being checked, and the key must not be checked.
    /// </summary>
    public async Task<TimeSpan?> ReserveAsync(string client, CancellationToken cancellationToken)
    {
        var key = ClientKey(client);
        if (KnownBlock(key) is { } known)
        {
            return known;
        }
        return await ChangeAsync(key, stopWhenBlocked: true, (state, now) =>
        {
            if (state.BlockedUntil > now)
            {
                return (null, state.BlockedUntil.Value - now);
            }
            if (state.Failures + state.Reserved >= FailuresAllowed)
            {
                var until = (state.Failures > 0 ? state.WindowStart + Window : state.ReservedAt + ReservationLasts) ?? now;
                return (null, until - now > TimeSpan.FromSeconds(1) ? until - now : TimeSpan.FromSeconds(1));
            }
            return (state with { Reserved = state.Reserved + 1, ReservedAt = now }, null);
        }, cancellationToken);
    }

    /// <summary>Counts a wrong key (settling its reservation, if any); returns how long the client is now blocked for, if this failure blocked it.</summary>
    public Task<TimeSpan?> FailedAsync(string client, CancellationToken cancellationToken) =>
        ChangeAsync(ClientKey(client), stopWhenBlocked: false, (state, now) =>
        {
            var failed = state with
            {
                Reserved = Math.Max(0, state.Reserved - 1),
                Failures = state.Failures + 1,
                WindowStart = state.Failures == 0 ? now : state.WindowStart,
            };
            if (failed.Failures < FailuresAllowed)
            {
                return (failed, null);
            }
            var level = now - state.BlockedUntil < LongestBlock ? state.Level + 1 : 1;
            var length = TimeSpan.FromTicks(Math.Min(LongestBlock.Ticks, FirstBlock.Ticks << Math.Min(level - 1, 10)));
            return (failed with { Failures = 0, Level = level, BlockedUntil = now + length }, length);
        }, cancellationToken);

    /// <summary>A right key: its reservation is given back.</summary>
    public async Task SucceededAsync(string client, CancellationToken cancellationToken) =>
        await ChangeAsync(ClientKey(client), stopWhenBlocked: false, (state, _) =>
            state.Reserved == 0 ? (null, null) : (state with { Reserved = state.Reserved - 1 }, null), cancellationToken);

    private TimeSpan? KnownBlock(string key)
    {
        var now = time.GetUtcNow();
        return _blockedUntil.TryGetValue(key, out var until) && until > now ? until - now : null;
    }

    /// <summary>Reads the client's row, applies <paramref name="change"/> (a null state writes nothing) and writes it with its ETag, again until no other host wrote in between.</summary>
    private async Task<TimeSpan?> ChangeAsync(string key, bool stopWhenBlocked, Func<ThrottleState, DateTimeOffset, (ThrottleState? State, TimeSpan? Result)> change, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)key.GetHashCode(StringComparison.Ordinal) % _stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                if (stopWhenBlocked && KnownBlock(key) is { } known)
                {
                    return known; // blocked while this request waited its turn here
                }
                var now = time.GetUtcNow();
                var (state, etag) = await ReadAsync(key, cancellationToken);
                var (next, answer) = change(state, now);
                if (next is null)
                {
                    Remember(key, state.BlockedUntil);
                    return answer;
                }
                try
                {
                    var entity = next.ToRow(key, now).ToEntity();
                    if (etag is { } match)
                    {
                        await Table.UpdateEntityAsync(entity, match, TableUpdateMode.Replace, cancellationToken);
                    }
                    else
                    {
                        await Table.AddEntityAsync(entity, cancellationToken);
                    }
                    Remember(key, next.BlockedUntil);
                    return answer;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412)
                {
                    // Another host changed this client's row first: read it again and apply ours to theirs.
                }
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    private void Remember(string key, DateTimeOffset? blockedUntil)
    {
        if (blockedUntil > time.GetUtcNow())
        {
            _blockedUntil[key] = blockedUntil.Value;
        }
        else
        {
            _blockedUntil.TryRemove(key, out _);
        }
    }

    private async Task<(ThrottleState State, ETag? ETag)> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var row = await Table.GetRowAsync<ThrottleRow>(Partition, key, cancellationToken);
        return row is not null ? (ThrottleState.From(row, time.GetUtcNow()), row.ETag) : (ThrottleState.None, null);
    }

    private static string ClientKey(string client) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("throttle:" + client)))[..24];

    /// <summary>A client's row as it counts now: failures outside their minute and reservations left too long no longer count.</summary>
    private sealed record ThrottleState(int Failures, DateTimeOffset? WindowStart, int Reserved, DateTimeOffset? ReservedAt, DateTimeOffset? BlockedUntil, int Level)
    {
        public static readonly ThrottleState None = new(0, null, 0, null, null, 0);

        public static ThrottleState From(ThrottleRow row, DateTimeOffset now) => new(
            now - row.WindowStart < Window ? row.Failures : 0, row.WindowStart,
            now - row.ReservedAt < ReservationLasts ? row.Reserved : 0, row.ReservedAt,
            row.BlockedUntil, row.Level);

        public ThrottleRow ToRow(string key, DateTimeOffset now) => new(key)
        {
            Failures = Failures, WindowStart = WindowStart, Reserved = Reserved, ReservedAt = ReservedAt, BlockedUntil = BlockedUntil, Level = Level,
            // Kept while a block could still make the next one longer; a cleanup may remove the row after this.
            Expires = (BlockedUntil > now ? BlockedUntil.Value : now + Window) + LongestBlock,
        };
    }

    /// <summary>A client's row as stored: partition <c>throttle</c> of table <c>Moderators</c>, row key the client's hash.</summary>
    internal sealed record ThrottleRow(string Key) : ITableRow<ThrottleRow>
    {
        public int Failures { get; init; }
        public DateTimeOffset? WindowStart { get; init; }
        public int Reserved { get; init; }
        public DateTimeOffset? ReservedAt { get; init; }
        public DateTimeOffset? BlockedUntil { get; init; }
        public int Level { get; init; }
        public DateTimeOffset? Expires { get; init; }
        public ETag ETag { get; init; }

        public TableEntity ToEntity() => new TableEntity(Partition, Key).With(
            (nameof(Failures), Failures), (nameof(Reserved), Reserved), (nameof(Level), Level), (nameof(Expires), Expires),
            (nameof(WindowStart), WindowStart), (nameof(ReservedAt), ReservedAt), (nameof(BlockedUntil), BlockedUntil));

        public static ThrottleRow FromEntity(TableEntity e) => new(e.RowKey ?? "")
        {
            Failures = e.GetInt32(nameof(Failures)) ?? 0,
            WindowStart = e.GetDateTimeOffset(nameof(WindowStart)),
            Reserved = e.GetInt32(nameof(Reserved)) ?? 0,
            ReservedAt = e.GetDateTimeOffset(nameof(ReservedAt)),
            BlockedUntil = e.GetDateTimeOffset(nameof(BlockedUntil)),
            Level = e.GetInt32(nameof(Level)) ?? 0,
            Expires = e.GetDateTimeOffset(nameof(Expires)),
            ETag = e.ETag,
        };
    }
}
