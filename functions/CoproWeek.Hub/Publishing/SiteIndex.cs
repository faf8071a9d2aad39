using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Publishing;

/// <summary>What the site shows of one item: the version last published, or a tombstone once it was withdrawn.</summary>
/// <remarks>A row of table <c>SiteIndex</c>: partition the kind, row key the id.</remarks>
public sealed record SiteEntry(string Id, string Kind, int Version, string Slug, string? PublicJson, DateTimeOffset PublishedAt, bool Withdrawn, ETag ETag)
    : ITableRow<SiteEntry>
{
    public TableEntity ToEntity() => new TableEntity(Kind, Id).With(
        (nameof(Version), Version), (nameof(Slug), Slug), (nameof(PublicJson), PublicJson), (nameof(PublishedAt), PublishedAt), (nameof(Withdrawn), Withdrawn));

    public static SiteEntry FromEntity(TableEntity e) => new(
        e.RowKey, e.PartitionKey, e.GetInt32(nameof(Version)) ?? 0, e.GetString(nameof(Slug)), e.GetString(nameof(PublicJson)),
        e.GetDateTimeOffset(nameof(PublishedAt)) ?? default, e.GetBoolean(nameof(Withdrawn)) ?? false, e.ETag);
}

/// <summary>
/// The publisher's own record of the site, in table <c>SiteIndex</c>: one partition per kind, one row per
/// item, holding the public fields of the published version. Index rebuilds read one partition; the
/// version and tombstone make late or repeated publish messages harmless.
/// </summary>
public sealed class SiteIndex(HubStorage storage)
{
    private TableClient Table => storage.Table(HubStorage.TableNames.SiteIndex);

    public Task<SiteEntry?> GetAsync(string kind, string id, CancellationToken cancellationToken) =>
        Table.GetRowAsync<SiteEntry>(kind, id, cancellationToken);

    /// <summary>Writes the entry if the row is as it was read (or still absent); false if another publisher got there first.</summary>
    public async Task<bool> TryWriteAsync(SiteEntry entry, bool existed, CancellationToken cancellationToken)
    {
        var row = entry.ToEntity();
        try
        {
            if (existed)
            {
                await Table.UpdateEntityAsync(row, entry.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await Table.AddEntityAsync(row, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Every published event not withdrawn, read from its own partition.</summary>
    public async Task<IReadOnlyList<PublishedEvent>> PublishedEventsAsync(CancellationToken cancellationToken)
    {
        var events = new List<PublishedEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"event"} and Withdrawn eq {false}");
        await foreach (var entry in Table.QueryRowsAsync<SiteEntry>(filter, cancellationToken))
        {
            events.Add(new PublishedEvent(entry.Id, entry.Slug, entry.Version, HubJson.Deserialize<EventDetails>(entry.PublicJson!), entry.PublishedAt));
        }
        return events;
    }

    /// <summary>Every published story not withdrawn, read from its own partition.</summary>
    public async Task<IReadOnlyList<Posts.PublishedPost>> PublishedPostsAsync(CancellationToken cancellationToken)
    {
        var posts = new List<Posts.PublishedPost>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"post"} and Withdrawn eq {false}");
        await foreach (var entry in Table.QueryRowsAsync<SiteEntry>(filter, cancellationToken))
        {
            posts.Add(new Posts.PublishedPost(entry.Id, entry.Slug, entry.Version, HubJson.Deserialize<Posts.PublicPost>(entry.PublicJson!), entry.PublishedAt));
        }
        return posts;
    }
}
