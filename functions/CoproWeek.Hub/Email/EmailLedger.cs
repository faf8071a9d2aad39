using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Email;

/// <summary>Where one email stands in the ledger.</summary>
public static class EmailState
{
    /// <summary>Claimed by a delivery that is calling SendGrid (or writing the outbox) now.</summary>
    public const string Sending = "sending";
    public const string Sent = "sent";

    /// <summary>A delivery stopped between claiming and recording the answer: SendGrid may have it, so it is never sent again.</summary>
    public const string Uncertain = "uncertain";
}

/// <summary>
/// The <c>EmailLedger</c> table: one row per email id (partition = id, row key <c>email</c>) holding its
/// <see cref="EmailState"/> and when it was claimed, plus one tally row per day of emails marked uncertain
/// (partition <c>tally-uncertain</c>, row key <c>yyyyMMdd</c>, <c>Count</c>). Rows name email ids only.
/// </summary>
public sealed class EmailLedger(HubStorage storage)
{
    public const string RowKey = "email";
    public const string UncertainTally = "tally-uncertain";

    public TableClient Table => storage.Table(HubStorage.TableNames.EmailLedger);

    /// <summary>Inserts the claim if no row exists for this email: the one conditional write that lets a single delivery send it.</summary>
    public async Task<ETag?> TryClaimAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var added = await Table.AddEntityAsync(new EmailClaim(id) { State = EmailState.Sending, ClaimedAt = now }.ToEntity(), cancellationToken);
            return added.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public Task<EmailClaim?> GetAsync(string id, CancellationToken cancellationToken) =>
        Table.GetRowAsync<EmailClaim>(id, RowKey, cancellationToken);

    /// <summary>Moves the claim on to a new state if it is still the row this delivery last saw; the new ETag, or null if it changed meanwhile.</summary>
    public async Task<ETag?> TryMoveAsync(string id, ETag seen, string state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = state switch
        {
            EmailState.Sending => new EmailClaim(id) { State = state, ClaimedAt = now },
            EmailState.Sent => new EmailClaim(id) { State = state, SentAt = now },
            _ => new EmailClaim(id) { State = state, MarkedAt = now },
        };
        try
        {
            var updated = await Table.UpdateEntityAsync(change.ToEntity(), seen, TableUpdateMode.Merge, cancellationToken);
            return updated.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Records that the email went, whatever the row says now: SendGrid took it, so nothing may send it again.</summary>
    public Task MarkSentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new EmailClaim(id) { State = EmailState.Sent, SentAt = now }.ToEntity(), TableUpdateMode.Merge, cancellationToken);

    /// <summary>Gives the claim up (SendGrid answered and did not take the email), so a later delivery may send it.</summary>
    public async Task ReleaseAsync(string id, ETag seen, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(id, RowKey, seen, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Another delivery judged the claim abandoned and marked it uncertain; that record stands.
        }
    }

    /// <summary>Adds one to the day's count of emails marked uncertain.</summary>
    public async Task CountUncertainAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        while (true)
        {
            var row = await Table.GetRowAsync<UncertainDay>(UncertainTally, day, cancellationToken);
            try
            {
                if (row is null)
                {
                    await Table.AddEntityAsync(new UncertainDay(day) { Count = 1 }.ToEntity(), cancellationToken);
                    return;
                }
                await Table.UpdateEntityAsync((row with { Count = row.Count + 1 }).ToEntity(), row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another host counted one at the same moment: read again and add ours.
            }
        }
    }

    /// <summary>How many emails were marked uncertain on the day of <paramref name="day"/> (UTC).</summary>
    public async Task<int> UncertainOnAsync(DateTimeOffset day, CancellationToken cancellationToken)
    {
        var row = await Table.GetRowAsync<UncertainDay>(UncertainTally, day.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), cancellationToken);
        return row?.Count ?? 0;
    }
}

/// <summary>An email's row in <c>EmailLedger</c> (partition the email id, row key <c>email</c>).</summary>
public sealed record EmailClaim(string Id) : ITableRow<EmailClaim>
{
    /// <summary>An <see cref="EmailState"/>.</summary>
    public string? State { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    /// <summary>When it was marked uncertain.</summary>
    public DateTimeOffset? MarkedAt { get; init; }
    public ETag ETag { get; init; }

    public TableEntity ToEntity() => new TableEntity(Id, EmailLedger.RowKey).With(
        (nameof(State), State), (nameof(ClaimedAt), ClaimedAt), (nameof(SentAt), SentAt), (nameof(MarkedAt), MarkedAt));

    public static EmailClaim FromEntity(TableEntity e) => new(e.PartitionKey ?? "")
    {
        State = e.GetString(nameof(State)),
        ClaimedAt = e.GetDateTimeOffset(nameof(ClaimedAt)),
        SentAt = e.GetDateTimeOffset(nameof(SentAt)),
        MarkedAt = e.GetDateTimeOffset(nameof(MarkedAt)),
        ETag = e.ETag,
    };
}

/// <summary>A day's count of emails marked uncertain, in <c>EmailLedger</c> (partition <c>tally-uncertain</c>, row key <c>yyyyMMdd</c>).</summary>
public sealed record UncertainDay(string Day) : ITableRow<UncertainDay>
{
    public int Count { get; init; }
    public ETag ETag { get; init; }

    public TableEntity ToEntity() => new TableEntity(EmailLedger.UncertainTally, Day).With((nameof(Count), Count));

    public static UncertainDay FromEntity(TableEntity e) => new(e.RowKey ?? "") { Count = e.GetInt32(nameof(Count)) ?? 0, ETag = e.ETag };
}
