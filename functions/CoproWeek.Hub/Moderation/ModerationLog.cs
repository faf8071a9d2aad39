using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>One decision about one version of an item, by a moderator or by the automatic checks ("auto").</summary>
/// <remarks>A row of table <c>ModerationLog</c>: partition the item id, row key fixed by version and decision.</remarks>
public sealed record LogEntry(string ItemId, int Version, string Who, DateTimeOffset When, string Decision, string? Reason) : ITableRow<LogEntry>
{
    public string RowKey => Who == ModerationLog.Auto ? $"v{Version:D6}-auto-{Decision}" : $"v{Version:D6}-{Decision}";

    public TableEntity ToEntity() => new TableEntity(ItemId, RowKey).With(
        (nameof(Version), Version), (nameof(Who), Who), (nameof(When), When), (nameof(Decision), Decision), (nameof(Reason), Reason));

    public static LogEntry FromEntity(TableEntity e) => new(e.PartitionKey, e.GetInt32(nameof(Version)) ?? 0, e.GetString(nameof(Who)),
        e.GetDateTimeOffset(nameof(When)) ?? default, e.GetString(nameof(Decision)), e.GetString(nameof(Reason)));
}

/// <summary>
/// The record of every moderation decision. Table <c>ModerationLog</c>, partition key the item id; rows
/// are only ever added. A version gets at most one decision of each kind, so the row key is fixed by version
/// and decision: whoever finishes a decision's follow-up (the request, a retry, the safety net) logs it once.
/// </summary>
public sealed class ModerationLog(HubStorage storage)
{
    public const string Auto = "auto";

    private TableClient Table => storage.Table(HubStorage.TableNames.ModerationLog);

    public async Task AppendAsync(LogEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(entry.ToEntity(), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same decision, logged by an earlier attempt.
        }
    }

    public async Task<IReadOnlyList<LogEntry>> HistoryAsync(string itemId, CancellationToken cancellationToken)
    {
        var entries = new List<LogEntry>();
        await foreach (var entry in Table.QueryRowsAsync<LogEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {itemId}"), cancellationToken))
        {
            entries.Add(entry);
        }
        return entries.OrderBy(e => e.When).ToList();
    }
}
