using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>What a member of the public said is wrong with a live item. <see cref="Details"/> and <see cref="Email"/> are for moderators only.</summary>
public sealed record Report(string Id, string ItemId, string Kind, string Reason, string? Details, string? Email, DateTimeOffset At);

/// <summary>A live item with reports no moderator has dealt with yet, as the queue lists it.</summary>
public sealed record ReportedItem(string ItemId, string Kind, int Count, IReadOnlyList<ReasonCount> Reasons, DateTimeOffset FirstAt, DateTimeOffset LastAt);

/// <summary>How many of an item's open reports gave one reason.</summary>
public sealed record ReasonCount(string Reason, int Count);

/// <summary>
/// Open reports from the public, in the Submissions table's <c>reports</c> partition (no item id is ever
/// <c>reports</c>), one row per report keyed <c>{itemId}-{ticks}-{random}</c>: listing every open report is one
/// partition query, and an item's reports are one row-key range. A report stays until a moderator dismisses the
/// item's reports or takes the item down (<see cref="ClearAsync"/>).
/// </summary>
public sealed class ReportStore(HubStorage storage)
{
    public const string Partition = "reports";

    private TableClient Table => storage.Table(HubStorage.TableNames.Submissions);

    public async Task<Report> AddAsync(string itemId, string kind, string reason, string? details, string? email, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        var report = new Report(id, itemId, kind, reason, details, email, at);
        await Table.AddEntityAsync(new TableEntity(Partition, RowKeyOf(report))
        {
            ["ItemId"] = itemId,
            ["Kind"] = kind,
            ["Reason"] = reason,
            ["Details"] = details,
            ["Email"] = email,
            ["ReportedAt"] = at,
        }, cancellationToken);
        return report;
    }

    /// <summary>Every open report of one item, oldest first.</summary>
    public async Task<IReadOnlyList<Report>> ForItemAsync(string itemId, CancellationToken cancellationToken)
    {
        var reports = new List<Report>();
        await foreach (var row in Table.QueryAsync<TableEntity>(RangeOf(itemId), cancellationToken: cancellationToken))
        {
            reports.Add(FromRow(row));
        }
        return reports;
    }

    /// <summary>Every item with open reports, the most reported first; reasons by how often they were given.</summary>
    public async Task<IReadOnlyList<ReportedItem>> OpenAsync(CancellationToken cancellationToken)
    {
        var rows = new List<(string ItemId, string Kind, string Reason, DateTimeOffset At)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["ItemId", "Kind", "Reason", "ReportedAt"], cancellationToken: cancellationToken))
        {
            rows.Add((row.GetString("ItemId") ?? "", row.GetString("Kind") ?? "", row.GetString("Reason") ?? "", row.GetDateTimeOffset("ReportedAt") ?? default));
        }
        return rows.GroupBy(r => r.ItemId, StringComparer.Ordinal)
            .Select(g => new ReportedItem(g.Key, g.First().Kind, g.Count(),
                g.GroupBy(r => r.Reason).Select(r => new ReasonCount(r.Key, r.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList(),
                g.Min(r => r.At), g.Max(r => r.At)))
            .OrderByDescending(i => i.Count).ThenBy(i => i.FirstAt)
            .ToList();
    }

    /// <summary>
    /// Removes an item's open reports: when a moderator dismisses them, and when the item is taken down (the
    /// take-down must call this). Returns how many were removed. Reports sent while this runs may stay, to be seen.
    /// </summary>
    public async Task<int> ClearAsync(string itemId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(RangeOf(itemId), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }
        // One partition, so up to 100 deletions go in one transaction.
        foreach (var chunk in keys.Chunk(100))
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, k), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // Another moderator cleared some of them at the same time: delete the rest one by one.
                foreach (var key in chunk)
                {
                    try
                    {
                        await Table.DeleteEntityAsync(Partition, key, ETag.All, cancellationToken);
                    }
                    catch (RequestFailedException gone) when (gone.Status == 404)
                    {
                    }
                }
            }
        }
        return keys.Count;
    }

    private static string RowKeyOf(Report report) => $"{report.ItemId}-{report.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{report.Id}";

    private static string RangeOf(string itemId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {itemId + "-"} and RowKey lt {itemId + "."}");

    private static Report FromRow(TableEntity row) => new(
        row.RowKey[(row.RowKey.LastIndexOf('-') + 1)..],
        row.GetString("ItemId") ?? "",
        row.GetString("Kind") ?? "",
        row.GetString("Reason") ?? "",
        row.GetString("Details"),
        row.GetString("Email"),
        row.GetDateTimeOffset("ReportedAt") ?? default);
}
