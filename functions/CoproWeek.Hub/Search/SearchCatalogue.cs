using System.Text.RegularExpressions;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Search;

/// <summary>One published item as search needs it: the words to match, the facts to filter on, and what a result shows.</summary>
public sealed record SearchDocument
{
    public const string EventKind = "event";
    public const string StoryKind = "story";

    public string Kind { get; init; } = EventKind;
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Url { get; init; } = "";
    public string Summary { get; init; } = "";
    /// <summary>Everything else worth matching: description, organiser or author, place, topics, access, the story's words.</summary>
    public string Text { get; init; } = "";
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    /// <summary>Each UK day the event touches, <c>yyyy-MM-dd</c>.</summary>
    public IReadOnlyList<string> Days { get; init; } = [];
    public string? Region { get; init; }
    public string? Format { get; init; }
    public IReadOnlyList<string> Access { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public bool Free { get; init; }
    /// <summary>A story's kind (<see cref="StoryKinds"/>); null for events, and for stories in a catalogue from before kinds (blogs).</summary>
    public string? KindOfStory { get; init; }
    public string Byline { get; init; } = "";
    public DateTimeOffset PublishedAt { get; init; }
    /// <summary>One of <see cref="ListingLanguage.All"/>: the language of <see cref="Title"/>, <see cref="Summary"/> and <see cref="Text"/> (English when bilingual).</summary>
    public string Language { get; init; } = ListingLanguage.English;
    /// <summary>A bilingual item's Welsh words and Welsh page; null otherwise.</summary>
    public SearchWelsh? Welsh { get; init; }
    /// <summary>The item's page on the Welsh site (<c>cy/…</c>); empty in catalogues from before languages.</summary>
    public string WelshUrl { get; init; } = "";

    /// <summary>The language <see cref="Title"/> and the other main words are in.</summary>
    public Language MainLanguage => ListingLanguage.Of(Language) == ListingLanguage.Welsh ? Hub.Language.Welsh : Hub.Language.English;

    /// <summary>The title and summary a reader of <paramref name="reader"/> sees first, their language, and the page to link to.</summary>
    public (string Title, string Summary, Language Language, string Url) TextFor(Language reader)
    {
        var url = reader == Hub.Language.Welsh && WelshUrl.Length > 0 ? WelshUrl : Url;
        return reader == Hub.Language.Welsh && Welsh is { } welsh
            ? (welsh.Title, welsh.Summary, Hub.Language.Welsh, url)
            : (Title, Summary, MainLanguage, url);
    }
}

/// <summary>A bilingual item's Welsh title, summary and other words, matched with the Welsh analyser.</summary>
public sealed record SearchWelsh(string Title, string Summary, string Text);

/// <summary>
/// The compact index of everything published that search reads: written privately by every site rebuild
/// (<see cref="SearchCatalogueStore"/>), so the search function never reads the site index table.
/// </summary>
public sealed partial record SearchCatalogue(DateTimeOffset BuiltAt, IReadOnlyList<SearchDocument> Items)
{
    /// <summary>The longest part of a story's words kept for matching.</summary>
    public const int StoryTextLimit = 6_000;

    public static SearchCatalogue From(IEnumerable<PublishedEvent> events, IEnumerable<PublishedPost> posts, DateTimeOffset now, SiteOptions options,
        IReadOnlyDictionary<string, string>? storyHtml = null)
    {
        var items = EventList.Upcoming(events, now).Select(e => ForEvent(e, options))
            .Concat(PostList.Newest(posts).Select(p => ForStory(p, options, storyHtml?.GetValueOrDefault(p.Id))))
            .ToList();
        return new SearchCatalogue(now, items);
    }

    private static SearchDocument ForEvent(PublishedEvent published, SiteOptions options)
    {
        var e = published.Details;
        var words = new[]
        {
            e.EasyRead, e.Description, e.Organiser.Name, EventWords.VenueLine(e), EventWords.Region(e), EventWords.Format(e),
            string.Join(", ", e.Topics.Select(t => Vocabulary.NameOf(Vocabulary.Topics, t))), string.Join(", ", EventWords.AccessNames(e)),
            e.Access.Notes, e.Coproduction.LivedExperienceInvolvement, e.Cost,
        };
        return new SearchDocument
        {
            Kind = SearchDocument.EventKind,
            Id = published.Id,
            Title = e.Title,
            Url = options.Url(SitePaths.EventPage(published.Slug)),
            Summary = e.Summary,
            Text = string.Join("\n", words.Where(w => !string.IsNullOrWhiteSpace(w))),
            Start = e.Start,
            End = e.End,
            Days = Days(e.Start, e.End),
            Region = e.Region,
            Format = e.Format,
            Access = e.Access.Needs(),
            Topics = e.Topics,
            Free = e.IsFree,
            Byline = e.Organiser.Name,
            PublishedAt = published.PublishedAt,
            Language = ListingLanguage.Of(e.Language),
            Welsh = ListingLanguage.Of(e.Language) == ListingLanguage.Bilingual && e.Welsh is { } welsh
                ? new SearchWelsh(welsh.Title, welsh.Summary, string.Join("\n", new[] { welsh.EasyRead, welsh.Description }.Where(w => !string.IsNullOrWhiteSpace(w))))
                : null,
            WelshUrl = options.Url(Hub.Language.Welsh.Localise(SitePaths.EventPage(published.Slug))),
        };
    }

    private static SearchDocument ForStory(PublishedPost published, SiteOptions options, string? safeHtml)
    {
        var p = published.Post;
        var body = safeHtml is null ? "" : System.Net.WebUtility.HtmlDecode(Tags().Replace(safeHtml, " "));
        if (body.Length > StoryTextLimit)
        {
            body = body[..StoryTextLimit];
        }
        return new SearchDocument
        {
            Kind = SearchDocument.StoryKind,
            Id = published.Id,
            Title = p.Title,
            Url = options.Url(PostPaths.Page(published.Slug)),
            Summary = p.Summary,
            Text = string.Join("\n", new[] { p.AuthorName, p.Organisation, string.Join(", ", p.Tags), body }.Where(w => !string.IsNullOrWhiteSpace(w))),
            Topics = PostValidator.Topics(p.Tags),
            KindOfStory = StoryKinds.Of(p.Kind),
            Byline = string.IsNullOrWhiteSpace(p.Organisation) ? p.AuthorName : $"{p.AuthorName}, {p.Organisation}",
            PublishedAt = published.PublishedAt,
            Language = ListingLanguage.Of(p.Language),
            Welsh = ListingLanguage.Of(p.Language) == ListingLanguage.Bilingual && p.Welsh is { } welsh ? new SearchWelsh(welsh.Title, welsh.Summary, "") : null,
            WelshUrl = options.Url(Hub.Language.Welsh.Localise(PostPaths.Page(published.Slug))),
        };
    }

    private static IReadOnlyList<string> Days(DateTimeOffset start, DateTimeOffset end)
    {
        var first = DateOnly.FromDateTime(UkTime.ToUk(start).DateTime);
        // An event ending at midnight does not touch the next day.
        var last = DateOnly.FromDateTime(UkTime.ToUk(end.AddTicks(-1)).DateTime);
        var days = new List<string>();
        for (var day = first; day <= last && days.Count < 31; day = day.AddDays(1))
        {
            days.Add(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        return days;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();
}
