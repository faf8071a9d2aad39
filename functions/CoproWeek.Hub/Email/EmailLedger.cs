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
            var added = await Table.AddEntityAsync(new TableEntity(id, RowKey) { ["State"] = EmailState.Sending, ["ClaimedAt"] = now }, cancellationToken);
            return added.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task<TableEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, RowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Moves the claim on to a new state if it is still the row this delivery last saw; the new ETag, or null if it changed meanwhile.</summary>
    public async Task<ETag?> TryMoveAsync(string id, ETag seen, string state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = new TableEntity(id, RowKey) { ["State"] = state };
        change[state == EmailState.Sending ? "ClaimedAt" : state == EmailState.Sent ? "SentAt" : "MarkedAt"] = now;
        try
        {
            var updated = await Table.UpdateEntityAsync(change, seen, TableUpdateMode.Merge, cancellationToken);
            return updated.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Records that the email went, whatever the row says now: SendGrid took it, so nothing may send it again.</summary>
    public Task MarkSentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(id, RowKey) { ["State"] = EmailState.Sent, ["SentAt"] = now }, TableUpdateMode.Merge, cancellationToken);

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
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(UncertainTally, day, cancellationToken: cancellationToken);
            try
            {
                if (!row.HasValue)
                {
                    await Table.AddEntityAsync(new TableEntity(UncertainTally, day) { ["Count"] = 1 }, cancellationToken);
                    return;
                }
                row.Value!["Count"] = (row.Value.GetInt32("Count") ?? 0) + 1;
                await Table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
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
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(UncertainTally, day.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt32("Count") ?? 0 : 0;
    }
}
