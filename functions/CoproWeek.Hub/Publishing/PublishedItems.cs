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
        await Table.UpsertEntityAsync(item.ToEntity(), TableUpdateMode.Replace, cancellationToken);
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
            await foreach (var item in Table.QueryRowsAsync<PublishedItem>(filter, cancellationToken))
            {
                if (item.PublishedAt >= from && item.PublishedAt < to)
                {
                    items.Add(item);
                }
            }
        }
        return items.OrderBy(i => i.PublishedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }
}
