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

    /// <summary>The listing's language (<see cref="ListingLanguage"/>): the language of <see cref="Title"/> and <see cref="Summary"/>, English when bilingual.</summary>
    public string Language { get; init; } = ListingLanguage.English;

    /// <summary>A bilingual listing's Welsh title and summary; null otherwise.</summary>
    public string? WelshTitle { get; init; }

    public string? WelshSummary { get; init; }

    /// <summary>The title and summary a reader of <paramref name="reader"/> sees first, and their language (as <c>EventDetails.TextFor</c>).</summary>
    public ListingText TextFor(Hub.Language reader)
    {
        var language = ListingLanguage.Of(Language);
        if (language == ListingLanguage.Bilingual && reader == Hub.Language.Welsh && WelshTitle is { Length: > 0 } title)
        {
            return new(title, WelshSummary ?? "", null, null, Hub.Language.Welsh);
        }
        return new(Title, Summary, null, null, language == ListingLanguage.Welsh ? Hub.Language.Welsh : Hub.Language.English);
    }

    public TableEntity ToEntity() => new TableEntity(PublishedItems.Day(PublishedAt), Id).With(
        (nameof(Kind), Kind), (nameof(Version), Version), (nameof(Title), Title), (nameof(Summary), Summary), (nameof(Url), Url),
        (nameof(Region), Region), (nameof(Topics), string.Join(',', Topics)), (nameof(PublishedAt), PublishedAt), (nameof(Starts), Starts),
        (nameof(Withdrawn), Withdrawn), (nameof(StoryKind), StoryKind), (nameof(Ends), Ends), (nameof(Place), Place),
        (nameof(Access), string.Join('|', Access)), (nameof(Author), Author), (nameof(Organisation), Organisation), (nameof(Excerpt), Excerpt),
        (nameof(Language), Language), (nameof(WelshTitle), WelshTitle), (nameof(WelshSummary), WelshSummary));

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
        e.GetString(nameof(StoryKind)))
    {
        Ends = e.GetDateTimeOffset(nameof(Ends)),
        Place = e.GetString(nameof(Place)),
        Access = (e.GetString(nameof(Access)) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries),
        Author = e.GetString(nameof(Author)),
        Organisation = e.GetString(nameof(Organisation)),
        Excerpt = e.GetString(nameof(Excerpt)),
        Language = ListingLanguage.Of(e.GetString(nameof(Language))),
        WelshTitle = e.GetString(nameof(WelshTitle)),
        WelshSummary = e.GetString(nameof(WelshSummary)),
    };
}
