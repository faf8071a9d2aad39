using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Supporters;

/// <summary>Every supporter on the site now: the site index's "supporter" partition, tombstones left out. One partition query.</summary>
public sealed class PublishedSupporters(HubStorage storage)
{
    public async Task<IReadOnlyList<PublishedSupporter>> ListAsync(CancellationToken cancellationToken)
    {
        var supporters = new List<PublishedSupporter>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SubmitSupporter.Kind} and Withdrawn eq {false}");
        await foreach (var row in storage.Table(HubStorage.TableNames.SiteIndex).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.GetString("PublicJson") is { } json)
            {
                supporters.Add(new PublishedSupporter(row.RowKey, row.GetString("Slug") ?? "", row.GetInt32("Version") ?? 0,
                    HubJson.Deserialize<PublicSupporter>(json), row.GetDateTimeOffset("PublishedAt") ?? default));
            }
        }
        return supporters;
    }
}
