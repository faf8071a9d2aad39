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
    bool Withdrawn)
{
    /// <summary>When the event ends; null for posts (and items recorded before digests showed it).</summary>
    public DateTimeOffset? Ends { get; init; }

    /// <summary>The event's venue, "Online", or both, in one line.</summary>
    public string? Place { get; init; }

    /// <summary>The access the event offers, in words ("Step-free access").</summary>
    public IReadOnlyList<string> Access { get; init; } = [];

    /// <summary>A story's author and organisation, as its byline shows them.</summary>
    public string? Author { get; init; }

    public string? Organisation { get; init; }

    /// <summary>A story's opening as plain words (see <c>StoryExcerpt</c>).</summary>
    public string? Excerpt { get; init; }
}
