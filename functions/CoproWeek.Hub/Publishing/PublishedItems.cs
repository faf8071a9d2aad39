using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Publishing;

/// <summary>The record of what went live and when (table <c>Published</c>, one partition per UTC day), read by digests.</summary>
public sealed class PublishedItems(HubStorage storage)
{
    private TableClient Table => storage.Table(HubStorage.TableNames.Published);

    public Task RecordAsync(PublishedItem item, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(item.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd"), item.Id)
        {
            ["Json"] = HubJson.Serialize(item),
            ["Withdrawn"] = item.Withdrawn,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Items published in [from, to) and not withdrawn, reading one partition per day.</summary>
    public async Task<IReadOnlyList<PublishedItem>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var items = new List<PublishedItem>();
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {day.ToString("yyyy-MM-dd")} and Withdrawn eq {false}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var item = HubJson.Deserialize<PublishedItem>(row.GetString("Json"));
                if (item.PublishedAt >= from && item.PublishedAt < to)
                {
                    items.Add(item);
                }
            }
        }
        return items;
    }
}
