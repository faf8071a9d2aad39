using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using Microsoft.AspNetCore.Components;

namespace CoproWeek.Hub.Events.Pages;

/// <summary>
/// <c>events/index.html</c> and one filtered list per region, format, topic and access need, all from one call so the
/// publisher can write the set together. Long lists are split into pages of <see cref="PageSize"/> events
/// (<c>events/page/2/index.html</c>). Each card is rendered once per language and reused on every page it appears on.
/// </summary>
public static class EventList
{
    /// <summary>Events per page: keeps a page of cards, the finder and the filters under 50 KB.</summary>
    public const int PageSize = 20;

    /// <summary>Events that have not ended at <paramref name="now"/>, soonest first (then by title, then id, so the order is stable).</summary>
    public static IReadOnlyList<PublishedEvent> Upcoming(IEnumerable<PublishedEvent> events, DateTimeOffset now) =>
        events.Where(e => e.Details.End >= now)
            .OrderBy(e => e.Details.Start)
            .ThenBy(e => e.Details.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Every list page in one language, keyed by blob name (<c>events/index.html</c>, <c>events/page/2/index.html</c>,
    /// <c>events/region/london/index.html</c>; in Welsh the same under <c>cy/</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> RenderPages(IEnumerable<PublishedEvent> events, DateTimeOffset now, SiteOptions options,
        Language language = Language.English)
    {
        var upcoming = Upcoming(events, now);
        var matches = Matches(upcoming);
        var lists = new ListSet(options, language, upcoming, EventCards.Render(upcoming, options, language),
            upcoming.Select(e => Day(e.Details.Start)).ToArray(),
            matches.ToDictionary(f => f.Key, f => f.Value.ToDictionary(t => t.Key, t => t.Value.Length)));
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        AddPages(pages, lists, null, null, Enumerable.Range(0, upcoming.Count).ToArray());
        foreach (var facet in Facet.All)
        {
            foreach (var term in facet.Terms)
            {
                AddPages(pages, lists, facet, term, matches[facet][term.Id]);
            }
        }
        return pages;
    }

    /// <summary>The blob names of the first page of every list (English), for the sitemap.</summary>
    public static IEnumerable<string> PagePaths() =>
        Facet.All.SelectMany(f => f.Terms.Select(t => SitePaths.Filter(f, t.Id))).Prepend(SitePaths.Events);

    /// <summary>The blob names of every page of every list (English), later pages included, for the sitemap.</summary>
    public static IEnumerable<string> PagePaths(IEnumerable<PublishedEvent> events, DateTimeOffset now)
    {
        var upcoming = Upcoming(events, now);
        var matches = Matches(upcoming);
        return PagesOf(SitePaths.Events, upcoming.Count)
            .Concat(Facet.All.SelectMany(f => f.Terms.SelectMany(t => PagesOf(SitePaths.Filter(f, t.Id), matches[f][t.Id].Length))));
    }

    /// <summary>How many pages a list of <paramref name="events"/> takes: one at least, so an empty list still has its page.</summary>
    public static int PageCount(int events) => Math.Max(1, (events + PageSize - 1) / PageSize);

    /// <summary>Page <paramref name="number"/> of a list whose first page is <paramref name="firstPage"/>: <c>events/page/2/index.html</c>.</summary>
    public static string PagePath(string firstPage, int number) =>
        number <= 1 ? firstPage : $"{firstPage[..^"index.html".Length]}page/{number}/index.html";

    /// <summary>"1 event", "12 events".</summary>
    public static string Count(int count) => EventPageWords.Count(count, Language.English);

    /// <summary>The UK day an event starts on: the list's headings.</summary>
    public static DateOnly Day(DateTimeOffset start) => DateOnly.FromDateTime(UkTime.ToUk(start).DateTime);

    private static IEnumerable<string> PagesOf(string firstPage, int events) =>
        Enumerable.Range(1, PageCount(events)).Select(n => PagePath(firstPage, n));

    private static Dictionary<Facet, Dictionary<string, int[]>> Matches(IReadOnlyList<PublishedEvent> upcoming) =>
        Facet.All.ToDictionary(f => f, f => f.Terms.ToDictionary(t => t.Id, t => Matching(upcoming, f, t.Id)));

    private static int[] Matching(IReadOnlyList<PublishedEvent> upcoming, Facet facet, string id)
    {
        var found = new List<int>();
        for (var i = 0; i < upcoming.Count; i++)
        {
            if (facet.Matches(upcoming[i].Details, id))
            {
                found.Add(i);
            }
        }
        return found.ToArray();
    }

    private static void AddPages(Dictionary<string, string> pages, ListSet lists, Facet? facet, Term? term, int[] shown)
    {
        var first = facet is null ? SitePaths.Events : SitePaths.Filter(facet, term!.Id);
        var count = PageCount(shown.Length);
        for (var number = 1; number <= count; number++)
        {
            var slice = new ArraySegment<int>(shown, Math.Min(shown.Length, (number - 1) * PageSize), Math.Min(PageSize, Math.Max(0, shown.Length - (number - 1) * PageSize)));
            var model = new EventListModel(lists, facet, term, first, slice, shown.Length, number, count);
            pages[lists.Language.Localise(PagePath(first, number))] = ComponentRenderer.Shared.Render<EventListPage>(model, lists.Language);
        }
    }
}

/// <summary>What every list page of one language shares: the upcoming events, their cards and days, and each filter's count.</summary>
public sealed record ListSet(SiteOptions Options, Language Language, IReadOnlyList<PublishedEvent> Upcoming, MarkupString[] Cards, DateOnly[] Days,
    IReadOnlyDictionary<Facet, Dictionary<string, int>> Counts);

/// <summary>One page of one list: which events it shows (indexes into <see cref="ListSet.Upcoming"/>) and where it sits among the list's pages.</summary>
public sealed record EventListModel(ListSet Lists, Facet? Facet, Term? Term, string FirstPage, ArraySegment<int> Shown, int Total, int PageNumber, int PageCount)
{
    public string Path => EventList.PagePath(FirstPage, PageNumber);
}
