using Azure.Data.Tables;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// Sign-in throttle rows that no longer count: each client's row says when it may go (<c>Expires</c>: an hour after
/// its block or its last counted minute ends, the time in which a block can still lengthen the next one).
/// </summary>
public sealed class ExpiredSignInThrottles(HubStorage storage) : IExpirySweep
{
    public string Kind => "sign-in throttles";

    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExpiredRows.RemoveAsync(storage.Table(HubStorage.TableNames.Moderators),
            TableClient.CreateQueryFilter($"PartitionKey eq {SignInThrottle.Partition} and Expires le {now}"), [nameof(SignInThrottle.ThrottleRow.Expires)],
            (SignInThrottle.ThrottleRow row) => row.Expires <= now, cancellationToken);
}

/// <summary>Moderation page sessions past their expiry (the page already refuses them; this removes the rows).</summary>
public sealed class ExpiredModeratorSessions(HubStorage storage) : IExpirySweep
{
    public string Kind => "moderator sessions";

    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExpiredRows.RemoveAsync(storage.Table(HubStorage.TableNames.Moderators),
            TableClient.CreateQueryFilter($"PartitionKey eq {ModeratorSessions.Partition} and Expires le {now}"), [],
            (SessionRow _) => true, cancellationToken);
}
