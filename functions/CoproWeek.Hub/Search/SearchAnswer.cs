namespace CoproWeek.Hub.Search;

/// <summary>
/// The search function's JSON (with <c>Accept: application/json</c>): what was asked, how many match, and this page of them.
/// <see cref="Language"/> is the reader's (<c>en</c>, or <c>cy</c> from <c>/api/cy/search</c>): the highlighted title and summary are in it where an item has it.
/// </summary>
public sealed record SearchAnswer(SearchQuery Query, int Total, int Page, int PageSize, IReadOnlyList<SearchAnswerItem> Results, string Language = "en")
{
    public static SearchAnswer From(SearchQuery query, SearchResults results) =>
        new(query, results.Total, query.Page, SearchQuery.PageSize, results.Hits.Select(h => new SearchAnswerItem(
            h.Item.Kind, h.Item.Id, h.Item.Title, h.Item.Url, h.Item.Summary, h.Item.Start, h.Item.End, h.Item.Region, h.Item.Format,
            h.Item.Access, h.Item.Topics, h.Item.Kind == SearchDocument.EventKind ? h.Item.Free : null,
            h.Item.Kind == SearchDocument.StoryKind ? Posts.StoryKinds.Of(h.Item.KindOfStory) : null, h.TitleHtml, h.SummaryHtml,
            ListingLanguage.Of(h.Item.Language),
            h.Item.Welsh is { } welsh ? new SearchAnswerWelsh(welsh.Title, welsh.Summary, h.Item.WelshUrl) : null)).ToList(), query.Language.Code());
}

/// <summary>
/// One result; <see cref="StoryKind"/> is a story's kind (null for events); <see cref="TitleHtml"/> and <see cref="SummaryHtml"/> are safe HTML
/// with matched words in <c>&lt;mark&gt;</c>. <see cref="Language"/> is the item's (<c>en</c>, <c>cy</c> or <c>bilingual</c>: then <see cref="Welsh"/> holds its Welsh words).
/// </summary>
public sealed record SearchAnswerItem(string Kind, string Id, string Title, string Url, string Summary, DateTimeOffset? Start, DateTimeOffset? End,
    string? Region, string? Format, IReadOnlyList<string> Access, IReadOnlyList<string> Topics, bool? Free, string? StoryKind, string TitleHtml, string SummaryHtml,
    string Language = ListingLanguage.English, SearchAnswerWelsh? Welsh = null);

/// <summary>A bilingual item's Welsh title, summary and Welsh page.</summary>
public sealed record SearchAnswerWelsh(string Title, string Summary, string Url);
