using System.Globalization;
using System.Text;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Search;

/// <summary>
/// The search function's page, in the site's own layout: the finder form with what was asked, the number of results,
/// events by day (or, for words, most relevant first) with the matched words marked, and help when nothing matches.
/// </summary>
public static class SearchPage
{
    public static string Render(SiteOptions options, SearchQuery query, SearchResults? results, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var heading = query.Q.Length > 0 ? $"Results for “{query.Q}”" : "Find events and stories";
        var html = new StringBuilder(8192);
        if (errors is { Count: > 0 })
        {
            html.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul>\n");
            foreach (var (field, messages) in errors)
            {
                html.Append("<li><a href=\"#").Append(field == "access" ? "finder-access-stepFree" : "finder-" + field).Append("\">").Text(messages[0]).Append("</a></li>\n");
            }
            html.Append("</ul>\n</div>\n");
        }
        html.Append("<h1>").Text(heading).Append("</h1>\n");
        html.FinderForm(options, query, "Change your search", errors);
        if (results is not null)
        {
            html.Append("<p class=\"count\" id=\"count\" role=\"status\">").Append(Count(results.Total)).Append("</p>\n");
            if (results.Total == 0)
            {
                NoResults(html, options, query);
            }
            else
            {
                Results(html, options, results);
                Pages(html, options, query, results.Total);
            }
        }
        return SiteLayout.Render(options, errors is { Count: > 0 } ? "Error: " + heading : heading, html.ToString(), SiteSection.Events, new PageHead
        {
            Description = "Search Co-production Week's events and stories by words, region, format, day, topic, cost and access needs.",
            // Results pages are for people; the static list pages are for crawlers.
            Private = false,
        });
    }

    public static string Count(int total) => total == 1 ? "1 result" : $"{total.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} results";

    private static void Results(StringBuilder html, SiteOptions options, SearchResults results)
    {
        if (results.Ranked)
        {
            html.Append("<h2>Most relevant first</h2>\n<ul class=\"event-list\" aria-labelledby=\"count\">\n");
            foreach (var hit in results.Hits)
            {
                Card(html, options, hit);
            }
            html.Append("</ul>\n");
            return;
        }
        foreach (var day in results.Hits.Where(h => h.Item.Start is not null).GroupBy(h => DateOnly.FromDateTime(UkTime.ToUk(h.Item.Start!.Value).DateTime)))
        {
            html.Append("<h2>").Text(UkTime.Date(day.Key)).Append("</h2>\n<ul class=\"event-list\">\n");
            foreach (var hit in day)
            {
                Card(html, options, hit);
            }
            html.Append("</ul>\n");
        }
        var stories = results.Hits.Where(h => h.Item.Start is null).ToList();
        if (stories.Count > 0)
        {
            html.Append("<h2>Stories</h2>\n<ul class=\"event-list\">\n");
            foreach (var hit in stories)
            {
                Card(html, options, hit);
            }
            html.Append("</ul>\n");
        }
    }

    // The title and summary are already safe HTML from the highlighter (encoded text and <mark>); everything else is encoded here.
    private static void Card(StringBuilder html, SiteOptions options, SearchHit hit)
    {
        var item = hit.Item;
        html.Append("<li class=\"card\">\n<h3><a href=\"").Text(item.Url).Append("\">").Append(hit.TitleHtml).Append("</a></h3>\n");
        if (item.Start is { } start && item.End is { } end)
        {
            html.Append("<p><time datetime=\"").Append(UkTime.Iso(start)).Append("\">").Text(UkTime.Range(start, end)).Append("</time></p>\n");
        }
        else
        {
            html.Append("<p>").Text(StoryLabel(item.KindOfStory)).Append(" by ").Text(item.Byline).Append(", <time datetime=\"").Append(UkTime.Iso(item.PublishedAt)).Append("\">")
                .Text(UkTime.Date(item.PublishedAt)).Append("</time></p>\n");
        }
        html.Append("<p>").Append(hit.SummaryHtml).Append("</p>\n");
        if (item.Kind == SearchDocument.EventKind)
        {
            html.Append("<dl>\n<dt>Format</dt><dd>").Text(Vocabulary.NameOf(Vocabulary.Formats, item.Format ?? "")).Append("</dd>\n");
            if (item.Region is { Length: > 0 } region)
            {
                html.Append("<dt>Region</dt><dd><a href=\"").Text(options.Url(SitePaths.Filter(Facet.Region, region))).Append("\">")
                    .Text(Vocabulary.NameOf(Vocabulary.Regions, region)).Append("</a></dd>\n");
            }
            if (item.Access.Count > 0)
            {
                html.Append("<dt>Access</dt><dd>").Text(string.Join(", ", item.Access.Select(a => Vocabulary.NameOf(Vocabulary.AccessNeeds, a)))).Append("</dd>\n");
            }
            html.Append("<dt>Cost</dt><dd>").Append(item.Free ? "Free" : "Paid").Append("</dd>\n</dl>\n");
        }
        html.Append("</li>\n");
    }

    private static void NoResults(StringBuilder html, SiteOptions options, SearchQuery query)
    {
        html.Append("<h2>Nothing matches your search</h2>\n<p>You could:</p>\n<ul>\n");
        if (query.Q.Length > 0)
        {
            html.Append("<li>check the spelling, or use fewer or other words</li>\n")
                .Append("<li><a href=\"").Text(Link(options, query with { Page = 1 }, "q")).Append("\">search without the words “").Text(query.Q).Append("”</a></li>\n");
        }
        foreach (var (name, label) in Filters(options, query))
        {
            html.Append("<li><a href=\"").Text(Link(options, query with { Page = 1 }, name)).Append("\">remove ").Text(label).Append("</a></li>\n");
        }
        html.Append("<li><a href=\"").Text(options.Url(SitePaths.Events)).Append("\">see all events</a></li>\n</ul>\n")
            .Append("<p>Running an event that would fit? <a href=\"").Text(options.Url(SitePaths.SubmitEvent)).Append("\">List your event</a> on the national calendar.</p>\n");
    }

    private static IEnumerable<(string Name, string Label)> Filters(SiteOptions options, SearchQuery query)
    {
        if (query.Region is { } region)
        {
            yield return ("region", "the region " + Vocabulary.NameOf(Vocabulary.Regions, region));
        }
        if (query.Format is { } format)
        {
            yield return ("format", "the format " + Vocabulary.NameOf(Vocabulary.Formats, format).ToLowerInvariant());
        }
        if (query.Day is { } day && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            yield return ("day", "the day " + UkTime.Date(date));
        }
        if (query.Topic is { } topic)
        {
            yield return ("topic", "the topic " + Vocabulary.NameOf(Vocabulary.Topics, topic).ToLowerInvariant());
        }
        if (query.Cost is { } cost)
        {
            yield return ("cost", cost == "free" ? "“free only”" : "“paid only”");
        }
        if (query.StoryKind is { } storyKind)
        {
            yield return ("storyKind", "the kind of story " + Posts.StoryKinds.NameOf(storyKind).ToLowerInvariant());
        }
        foreach (var need in query.Access)
        {
            yield return ("access:" + need, Vocabulary.NameOf(Vocabulary.AccessNeeds, need));
        }
    }

    // "Story by" for a blog (and a story from a catalogue before kinds); the other kinds say what they are.
    private static string StoryLabel(string? kind) => Posts.StoryKinds.Of(kind) switch
    {
        Posts.StoryKinds.GoodPractice => "Good practice example",
        Posts.StoryKinds.Launch => "Launch",
        _ => "Story",
    };

    private static void Pages(StringBuilder html, SiteOptions options, SearchQuery query, int total)
    {
        var count = (total + SearchQuery.PageSize - 1) / SearchQuery.PageSize;
        if (count <= 1)
        {
            return;
        }
        html.Append("<nav class=\"pagination\" aria-label=\"Pages of results\">\n<p>Page ").Append(query.Page).Append(" of ").Append(count).Append("</p>\n<ul class=\"footer-links\">\n");
        if (query.Page > 1)
        {
            html.Append("<li><a rel=\"prev\" href=\"").Text(options.Api(Triggers.Routes.Search) + query.ToQueryString(query.Page - 1)).Append("\">Previous page</a></li>\n");
        }
        if (query.Page < count)
        {
            html.Append("<li><a rel=\"next\" href=\"").Text(options.Api(Triggers.Routes.Search) + query.ToQueryString(query.Page + 1)).Append("\">Next page</a></li>\n");
        }
        html.Append("</ul>\n</nav>\n");
    }

    private static string Link(SiteOptions options, SearchQuery query, string without) =>
        options.Api(Triggers.Routes.Search) + query.ToQueryString(without: without);
}
