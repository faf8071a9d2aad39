using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// SendGrid's events that the hub acted on, by event id, so a replayed or retried webhook call changes nothing
/// twice. A row is inserted only if absent before the event is acted on and marked done after; a row left
/// "processing" by a call that died lets the next delivery act again (suppressing is safe to repeat). Rows say
/// when they may be removed (<c>Expires</c>), well after SendGrid stops retrying a delivery.
/// </summary>
public sealed class EmailEventLedger(HubStorage storage)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    private TableClient Table => storage.Table(HubStorage.TableNames.EmailEvents);

    /// <summary>Claims the event; false if it was already acted on.</summary>
    public async Task<bool> ClaimAsync(string eventKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = KeyOf(eventKey);
        try
        {
            await Table.AddEntityAsync(new EmailEventRow(key) { State = EmailEventState.Processing, Received = now, Expires = now + KeepFor }.ToEntity(), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var row = await Table.GetRowAsync<EmailEventRow>(key, key, cancellationToken, select: [nameof(EmailEventRow.State)]);
            return row?.State != EmailEventState.Done;
        }
    }

    public Task DoneAsync(string eventKey, CancellationToken cancellationToken)
    {
        var key = KeyOf(eventKey);
        return Table.UpdateEntityAsync(new EmailEventRow(key) { State = EmailEventState.Done }.ToEntity(), ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    // Event ids are SendGrid's text; a hash makes any of them a valid table key.
    private static string KeyOf(string eventKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventKey)));
}

/// <summary>Where a SendGrid event stands in the ledger.</summary>
public static class EmailEventState
{
    public const string Processing = "processing";
    public const string Done = "done";
}

/// <summary>An event's row in table <c>EmailEvents</c>: partition and row key a hash of SendGrid's event id.</summary>
internal sealed record EmailEventRow(string Key) : ITableRow<EmailEventRow>
{
    /// <summary>An <see cref="EmailEventState"/>.</summary>
    public string? State { get; init; }
    public DateTimeOffset? Received { get; init; }
    public DateTimeOffset? Expires { get; init; }

    public TableEntity ToEntity() => new TableEntity(Key, Key).With((nameof(State), State), (nameof(Received), Received), (nameof(Expires), Expires));

    public static EmailEventRow FromEntity(TableEntity e) => new(e.PartitionKey ?? "")
    {
        State = e.GetString(nameof(State)),
        Received = e.GetDateTimeOffset(nameof(Received)),
        Expires = e.GetDateTimeOffset(nameof(Expires)),
    };
}
