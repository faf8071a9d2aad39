using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Publishing;

/// <summary>
/// A line in the record of what went live and when: digests and feeds read it. Written by the publisher
/// each time an item (event or post) is published, and marked withdrawn when it comes down.
/// Stored in table <c>Published</c>, partitioned by UTC day of <see cref="PublishedAt"/> (<c>yyyy-MM-dd</c>), row key the item id.
/// </summary>
public sealed record PublishedItem(
    string Id,
    string Kind,
    int Version,
    string Title,
    string Summary,
    string Url,
    /// <summary>Region id for events; empty for posts (they go to everyone).</summary>
    string Region,
    IReadOnlyList<string> Topics,
    DateTimeOffset PublishedAt,
    /// <summary>When the event starts; null for posts.</summary>
    DateTimeOffset? Starts,
    bool Withdrawn,
    /// <summary>For stories, the kind (<see cref="Posts.StoryKinds"/>: blog, good-practice, launch), so digests can label it; null for events.</summary>
    string? StoryKind = null) : ITableRow<PublishedItem>
{
    public TableEntity ToEntity() => new TableEntity(PublishedItems.Day(PublishedAt), Id).With(
        (nameof(Kind), Kind), (nameof(Version), Version), (nameof(Title), Title), (nameof(Summary), Summary), (nameof(Url), Url),
        (nameof(Region), Region), (nameof(Topics), string.Join(',', Topics)), (nameof(PublishedAt), PublishedAt), (nameof(Starts), Starts),
        (nameof(Withdrawn), Withdrawn), (nameof(StoryKind), StoryKind));

    public static PublishedItem FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetString(nameof(Kind)) ?? "",
        e.GetInt32(nameof(Version)) ?? 0,
        e.GetString(nameof(Title)) ?? "",
        e.GetString(nameof(Summary)) ?? "",
        e.GetString(nameof(Url)) ?? "",
        e.GetString(nameof(Region)) ?? "",
        (e.GetString(nameof(Topics)) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.GetDateTimeOffset(nameof(PublishedAt)) ?? default,
        e.GetDateTimeOffset(nameof(Starts)),
        e.GetBoolean(nameof(Withdrawn)) ?? false,
        e.GetString(nameof(StoryKind)));
}
