using System.Globalization;
using Azure.Data.Tables;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// Sign-in throttle rows that no longer count: a minute's failure count once its minute is over, and a block once
/// it ended more than <see cref="SignInThrottle.LongestBlock"/> ago (after that the next block starts from the first
/// length again). A row of another shape goes when its <c>Expires</c> has passed, and is kept if it has none.
/// </summary>
public sealed class ExpiredSignInThrottles(HubStorage storage) : IExpirySweep
{
    public string Kind => "sign-in throttles";

    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExpiredRows.RemoveAsync(storage.Table(HubStorage.TableNames.Moderators),
            TableClient.CreateQueryFilter($"PartitionKey eq {SignInThrottle.Partition}"), ["BlockedUntil", "Expires"],
            row => Ends(row) is { } ends && ends <= now, cancellationToken);

    private static DateTimeOffset? Ends(TableEntity row)
    {
        var dash = row.RowKey.LastIndexOf('-');
        if (dash > 0 && long.TryParse(row.RowKey[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
        {
            return DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60);
        }
        if (row.GetDateTimeOffset("BlockedUntil") is { } blockedUntil)
        {
            return blockedUntil + SignInThrottle.LongestBlock;
        }
        return row.GetDateTimeOffset("Expires");
    }
}

/// <summary>Moderation page sessions past their expiry (the page already refuses them; this removes the rows).</summary>
public sealed class ExpiredModeratorSessions(HubStorage storage) : IExpirySweep
{
    public string Kind => "moderator sessions";

    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExpiredRows.RemoveAsync(storage.Table(HubStorage.TableNames.Moderators),
            TableClient.CreateQueryFilter($"PartitionKey eq {ModeratorSessions.Partition} and Expires le {now}"), [],
            _ => true, cancellationToken);
}
