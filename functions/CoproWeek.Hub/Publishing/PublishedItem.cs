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
    string? StoryKind = null);
