using System.Globalization;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Publishing;

/// <summary>
/// The record of what went live, in table <c>Published</c>: one partition per UTC day (<c>yyyy-MM-dd</c>)
/// of <see cref="PublishedItem.PublishedAt"/>, row key the item id. Digests read a window of days from it.
/// </summary>
public sealed class PublishedItems(HubStorage storage)
{
    private TableClient Table => storage.Table(HubStorage.TableNames.Published);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Records (or re-records) an item; a withdrawal is the same item with <c>Withdrawn</c> set.</summary>
    public async Task RecordAsync(PublishedItem item, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Day(item.PublishedAt), item.Id)
        {
            ["Kind"] = item.Kind,
            ["Version"] = item.Version,
            ["Title"] = item.Title,
            ["Summary"] = item.Summary,
            ["Url"] = item.Url,
            ["Region"] = item.Region,
            ["Topics"] = string.Join(',', item.Topics),
            ["PublishedAt"] = item.PublishedAt,
            ["Starts"] = item.Starts,
            ["Withdrawn"] = item.Withdrawn,
            ["Ends"] = item.Ends,
            ["Place"] = item.Place,
            ["Access"] = string.Join('|', item.Access),
            ["Author"] = item.Author,
            ["Organisation"] = item.Organisation,
            ["Excerpt"] = item.Excerpt,
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Items not withdrawn with <c>from &lt;= PublishedAt &lt; to</c>, oldest first, one partition query per day.</summary>
    public async Task<IReadOnlyList<PublishedItem>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var items = new List<PublishedItem>();
        if (to <= from)
        {
            return items;
        }
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var partition = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Withdrawn eq {false}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var item = FromRow(row);
                if (item.PublishedAt >= from && item.PublishedAt < to)
                {
                    items.Add(item);
                }
            }
        }
        return items.OrderBy(i => i.PublishedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    private static PublishedItem FromRow(TableEntity row) => new(
        row.RowKey,
        row.GetString("Kind") ?? "",
        row.GetInt32("Version") ?? 0,
        row.GetString("Title") ?? "",
        row.GetString("Summary") ?? "",
        row.GetString("Url") ?? "",
        row.GetString("Region") ?? "",
        (row.GetString("Topics") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.GetDateTimeOffset("PublishedAt") ?? default,
        row.GetDateTimeOffset("Starts"),
        row.GetBoolean("Withdrawn") ?? false)
    {
        Ends = row.GetDateTimeOffset("Ends"),
        Place = row.GetString("Place"),
        Access = (row.GetString("Access") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries),
        Author = row.GetString("Author"),
        Organisation = row.GetString("Organisation"),
        Excerpt = row.GetString("Excerpt"),
    };
}
