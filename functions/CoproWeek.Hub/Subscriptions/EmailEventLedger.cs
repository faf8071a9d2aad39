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
            await Table.AddEntityAsync(new TableEntity(key, key) { ["State"] = "processing", ["Received"] = now, ["Expires"] = now + KeepFor }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(key, key, select: ["State"], cancellationToken: cancellationToken);
            return !row.HasValue || row.Value!.GetString("State") != "done";
        }
    }

    public Task DoneAsync(string eventKey, CancellationToken cancellationToken)
    {
        var key = KeyOf(eventKey);
        return Table.UpdateEntityAsync(new TableEntity(key, key) { ["State"] = "done" }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    // Event ids are SendGrid's text; a hash makes any of them a valid table key.
    private static string KeyOf(string eventKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventKey)));
}
