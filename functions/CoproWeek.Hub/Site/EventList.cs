using System.Text;
using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>
/// <c>events/index.html</c> and one filtered copy per region, format, topic and access need, all from one call so the
/// publisher can write the set together. Each card is rendered once and reused on every page it appears on.
/// </summary>
public static class EventList
{
    /// <summary>Events that have not ended at <paramref name="now"/>, soonest first (then by title, then id, so the order is stable).</summary>
    public static IReadOnlyList<PublishedEvent> Upcoming(IEnumerable<PublishedEvent> events, DateTimeOffset now) =>
        events.Where(e => e.Details.End >= now)
            .OrderBy(e => e.Details.Start)
            .ThenBy(e => e.Details.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every list page, keyed by blob name (<c>events/index.html</c>, <c>events/region/london/index.html</c>, ...).</summary>
    public static IReadOnlyDictionary<string, string> RenderPages(IEnumerable<PublishedEvent> events, DateTimeOffset now, SiteOptions options)
    {
        var upcoming = Upcoming(events, now);
        var cards = upcoming.Select(e => Card(e, options, 3)).ToArray();
        var days = upcoming.Select(e => Day(e.Details.Start)).ToArray();
        var all = Enumerable.Range(0, upcoming.Count).ToArray();
        var matches = Facet.All.ToDictionary(f => f, f => f.Terms.ToDictionary(t => t.Id, t => Matching(upcoming, f, t.Id)));
        var pages = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SitePaths.Events] = Page(options, "Events", null, null, all, cards, days, matches, upcoming),
        };
        foreach (var facet in Facet.All)
        {
            foreach (var term in facet.Terms)
            {
                pages[SitePaths.Filter(facet, term.Id)] = Page(options, facet.Heading(term), facet, term, matches[facet][term.Id], cards, days, matches, upcoming);
            }
        }
        return pages;
    }

    /// <summary>The blob names of every list page, for the sitemap.</summary>
    public static IEnumerable<string> PagePaths() =>
        Facet.All.SelectMany(f => f.Terms.Select(t => SitePaths.Filter(f, t.Id))).Prepend(SitePaths.Events);

    /// <summary>One event as a card: title link, when, format, region, access and cost.</summary>
    public static string Card(PublishedEvent published, SiteOptions options, int headingLevel)
    {
        var e = published.Details;
        var html = new StringBuilder(800);
        html.Append("<li class=\"card\">\n<h").Append(headingLevel).Append("><a href=\"").Text(options.Url(SitePaths.EventPage(published.Slug))).Append("\">")
            .Text(e.Title).Append("</a></h").Append(headingLevel).Append(">\n")
            .Append("<p><time datetime=\"").Append(UkTime.Iso(e.Start)).Append("\">").Text(UkTime.Range(e.Start, e.End)).Append("</time></p>\n<dl>\n")
            .Append("<dt>Format</dt><dd>").Text(EventWords.Format(e)).Append("</dd>\n");
        if (EventWords.Region(e) is { Length: > 0 } region)
        {
            html.Append("<dt>Region</dt><dd><a href=\"").Text(options.Url(SitePaths.Filter(Facet.Region, e.Region))).Append("\">").Text(region).Append("</a></dd>\n");
        }
        var access = string.Join(", ", EventWords.AccessNames(e));
        if (access.Length > 0)
        {
            html.Append("<dt>Access</dt><dd>").Text(access).Append("</dd>\n");
        }
        html.Append("<dt>Cost</dt><dd>").Text(EventWords.Cost(e)).Append("</dd>\n</dl>\n</li>\n");
        return html.ToString();
    }

    /// <summary>"1 event", "12 events".</summary>
    public static string Count(int count) => count == 1 ? "1 event" : $"{count:N0} events";

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

    /// <summary>The UK day an event starts on: the list's headings.</summary>
    public static DateOnly Day(DateTimeOffset start) => DateOnly.FromDateTime(UkTime.ToUk(start).DateTime);

    private static string Page(SiteOptions options, string heading, Facet? facet, Term? term, int[] shown, string[] cards, DateOnly[] days,
        Dictionary<Facet, Dictionary<string, int[]>> matches, IReadOnlyList<PublishedEvent> upcoming)
    {
        var html = new StringBuilder(1024 + shown.Length * 700);
        html.Append("<h1>").Text(heading).Append("</h1>\n")
            .Append("<p>Events in Co-production Week, soonest first. Times are UK time.</p>\n");
        html.FinderForm(options, new Search.SearchQuery
        {
            Kind = "events",
            Region = facet == Facet.Region ? term!.Id : null,
            Format = facet == Facet.Format ? term!.Id : null,
            Topic = facet == Facet.Topic ? term!.Id : null,
            Access = facet == Facet.Access ? [term!.Id] : [],
        }, "Find an event");
        if (facet is null)
        {
            html.RegionTiles(upcoming, options, 2);
        }
        FilterNav(html, options, facet, term, cards.Length, matches);
        html.Append("<p class=\"count\" id=\"count\">").Append(Count(shown.Length)).Append("</p>\n");
        if (shown.Length == 0)
        {
            html.Append(facet is null
                    ? "<p>There are no upcoming events yet. Please come back soon.</p>\n"
                    : "<p>There are no upcoming events here yet. Try another choice, or see all events.</p>\n")
                .Append("<p><a href=\"").Text(options.Url(SitePaths.SubmitEvent)).Append("\">Tell us about your event</a></p>\n");
        }
        else
        {
            // Grouped by the day each starts, soonest first; within a day, by start time (the order of Upcoming).
            foreach (var day in shown.GroupBy(i => days[i]))
            {
                html.Append("<h2>").Text(UkTime.Date(day.Key)).Append("</h2>\n<ul class=\"event-list\">\n");
                foreach (var index in day)
                {
                    html.Append(cards[index]);
                }
                html.Append("</ul>\n");
            }
        }
        html.CalendarSubscription(options, facet, term);
        return SiteLayout.Render(options, heading, html.ToString(), SiteSection.Events, new PageHead
        {
            Description = $"{heading}: {SiteLayout.SiteName} events across the UK, with their access details.",
            Canonical = options.Url(facet is null ? SitePaths.Events : SitePaths.Filter(facet, term!.Id)),
            Alternates = [("text/calendar", options.Public(SitePaths.Calendar), "All events for your calendar")],
        });
    }

    // Links, not a form: each choice is its own static page, so filtering works with no JavaScript and no server.
    private static void FilterNav(StringBuilder html, SiteOptions options, Facet? current, Term? currentTerm, int total,
        Dictionary<Facet, Dictionary<string, int[]>> matches)
    {
        html.Append("<nav class=\"filters\" aria-label=\"Filter events\">\n<p><a href=\"").Text(options.Url(SitePaths.Events)).Append('"')
            .Append(current is null ? " aria-current=\"page\"" : "").Append(">All events (").Append(total).Append(")</a></p>\n");
        foreach (var facet in Facet.All)
        {
            html.Append("<details").Append(facet == current ? " open" : "").Append(">\n<summary>").Text(facet.Label)
                .Append(facet == current ? ": " + Html.Encode(currentTerm!.Name) : "").Append("</summary>\n<ul>\n");
            foreach (var term in facet.Terms)
            {
                var isCurrent = facet == current && term.Id == currentTerm!.Id;
                var count = matches[facet][term.Id].Length;
                if (count == 0 && !isCurrent)
                {
                    continue;
                }
                html.Append("<li><a href=\"").Text(options.Url(SitePaths.Filter(facet, term.Id))).Append('"')
                    .Append(isCurrent ? " aria-current=\"page\"" : "").Append('>').Text(term.Name)
                    .Append(" (").Append(count).Append(")</a></li>\n");
            }
            html.Append("</ul>\n</details>\n");
        }
        html.Append("</nav>\n");
    }
}
