using System.Text;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary><c>index.html</c>: when the week is, what co-production means, the next few events, and how to take part.</summary>
public static class HomePage
{
    public const int EventsShown = 6;

    /// <summary>How many of the newest stories the home page features (those with pictures first).</summary>
    public const int StoriesShown = 3;

    public static string Render(IEnumerable<PublishedEvent> events, DateTimeOffset now, SiteOptions options, HomeFeatures? features = null,
        IReadOnlyCollection<Posts.PublishedPost>? stories = null)
    {
        var upcoming = EventList.Upcoming(events, now);
        var html = new StringBuilder(8192);
        html.Append("<h1>").Append(SiteLayout.SiteName).Append("</h1>\n")
            .Append("<p class=\"lede week-dates\">").Text(UkTime.Week(options.WeekStarts)).Append(".</p>\n")
            .Append("<p class=\"theme\">Nothing about us without us: people who use services, carers, families and professionals working together as equals.</p>\n")
            .Append("<p><a class=\"button\" href=\"").Text(options.Url(SitePaths.SubmitEvent)).Append("\">List your event</a> <a class=\"button button-secondary\" href=\"")
            .Text(options.Url(SitePaths.Events)).Append("\">Find an event</a></p>\n")
            .Append("<h2>What is co-production?</h2>\n")
            .Append("<p>Co-production is when people who use services, carers and professionals plan, run and check services together, as equals.</p>\n")
            .Append("<p>During the week, groups across the UK hold events to share what they have done together and to learn from each other.</p>\n")
            .Append("<h2>Coming up</h2>\n");
        if (upcoming.Count == 0)
        {
            html.Append("<p>There are no upcoming events yet. Please come back soon.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"event-list\">\n");
            foreach (var published in upcoming.Take(EventsShown))
            {
                html.Append(EventList.Card(published, options, 3));
            }
            html.Append("</ul>\n");
        }
        html.Append("<p><a href=\"").Text(options.Url(SitePaths.Events)).Append("\">See all ").Append(EventList.Count(upcoming.Count)).Append("</a></p>\n")
            .RegionTiles(upcoming, options, 2);
        // Good-practice examples have their own place below; the newest other stories lead, those with pictures first.
        var shownBelow = features?.GoodPractice.Select(p => p.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var featured = PostList.Newest((stories ?? []).Where(p => !shownBelow.Contains(p.Id))).Take(12)
            .OrderBy(p => p.Post.Images.Count > 0 ? 0 : 1).Take(StoriesShown).ToList();
        if (featured.Count > 0)
        {
            html.Append("<h2>Stories from the week</h2>\n<ul class=\"event-list\">\n");
            foreach (var story in featured)
            {
                html.Append(PostPage.Card(story, options, 3));
            }
            html.Append("</ul>\n<p><a href=\"").Text(options.Url(PostPaths.Posts)).Append("\">Read all stories</a></p>\n");
        }
        features?.Append(html, options);
        html
            .Append("<h2>Take part</h2>\n")
            .Append("<p><a class=\"button\" href=\"").Text(options.Url(SitePaths.SubmitEvent)).Append("\">Submit an event</a></p>\n")
            .Append("<p><a href=\"").Text(options.Public("subscribe/")).Append("\">Get updates by email</a>: we will send you new events and stories. You can stop at any time.</p>\n");
        return SiteLayout.Render(options, "Home", html.ToString(), SiteSection.Home, new PageHead
        {
            Description = $"{SiteLayout.SiteName}, {UkTime.Week(options.WeekStarts)}: events and stories about people working together as equals.",
            Canonical = options.Url(SitePaths.Home),
        });
    }
}
