using Azure.Data.Tables;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Supporters;

/// <summary>Every supporter on the site now: the site index's "supporter" partition, tombstones left out. One partition query.</summary>
public sealed class PublishedSupporters(HubStorage storage)
{
    public async Task<IReadOnlyList<PublishedSupporter>> ListAsync(CancellationToken cancellationToken)
    {
        var supporters = new List<PublishedSupporter>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SubmitSupporter.Kind} and Withdrawn eq {false}");
        await foreach (var entry in storage.Table(HubStorage.TableNames.SiteIndex).QueryRowsAsync<SiteEntry>(filter, cancellationToken))
        {
            if (entry.PublicJson is { } json)
            {
                supporters.Add(new PublishedSupporter(entry.Id, entry.Slug ?? "", entry.Version,
                    HubJson.Deserialize<PublicSupporter>(json), entry.PublishedAt));
            }
        }
        return supporters;
    }
}
