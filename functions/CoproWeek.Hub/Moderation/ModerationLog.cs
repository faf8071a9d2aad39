using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>One decision about one version of an item, by a moderator or by the automatic checks ("auto").</summary>
public sealed record LogEntry(string ItemId, int Version, string Who, DateTimeOffset When, string Decision, string? Reason);

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
        var rowKey = entry.Who == Auto ? $"v{entry.Version:D6}-auto-{entry.Decision}" : $"v{entry.Version:D6}-{entry.Decision}";
        try
        {
            await Table.AddEntityAsync(new TableEntity(entry.ItemId, rowKey)
            {
                ["Version"] = entry.Version,
                ["Who"] = entry.Who,
                ["When"] = entry.When,
                ["Decision"] = entry.Decision,
                ["Reason"] = entry.Reason,
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same decision, logged by an earlier attempt.
        }
    }

    /// <summary>
    /// Logs what can happen more than once at one version (reports dismissed, an export): <paramref name="occurrence"/>
    /// (unique to this one, such as its time in ticks) keeps it from being taken for an earlier one.
    /// </summary>
    public async Task AppendOccurrenceAsync(LogEntry entry, string occurrence, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(entry.ItemId, $"v{entry.Version:D6}-{entry.Decision}-{occurrence}")
            {
                ["Version"] = entry.Version,
                ["Who"] = entry.Who,
                ["When"] = entry.When,
                ["Decision"] = entry.Decision,
                ["Reason"] = entry.Reason,
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same occurrence, logged by an earlier attempt.
        }
    }

    public async Task<IReadOnlyList<LogEntry>> HistoryAsync(string itemId, CancellationToken cancellationToken)
    {
        var entries = new List<LogEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {itemId}"), cancellationToken: cancellationToken))
        {
            entries.Add(new LogEntry(itemId, row.GetInt32("Version") ?? 0, row.GetString("Who"), row.GetDateTimeOffset("When") ?? default,
                row.GetString("Decision"), row.GetString("Reason")));
        }
        return entries.OrderBy(e => e.When).ToList();
    }
}
