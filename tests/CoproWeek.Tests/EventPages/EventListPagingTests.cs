using System.Text;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Site;

namespace CoproWeek.Tests.EventPages;

/// <summary>Long lists come in pages that stay light, with previous, next and numbered links, and the days kept together.</summary>
public sealed class EventListPagingTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Regions = ["wales", "london", "scotland", "north-east", "south-west", "uk-wide"];

    /// <summary>300 events over the week, several an hour, across regions, topics and access needs, with long-ish words.</summary>
    private static IReadOnlyList<PublishedEvent> Many(int count = 300) => Enumerable.Range(0, count).Select(i => SiteSamples.Published(SiteSamples.Details() with
    {
        Title = $"Co-production workshop number {i} with carers and people who use services",
        Region = Regions[i % Regions.Length],
        Topics = i % 2 == 0 ? ["health", "mental-health"] : ["social-care", "housing", "research"],
        Access = new Access { StepFree = true, Bsl = i % 3 == 0, HearingLoop = true, Captions = i % 2 == 0, QuietSpace = true },
        Cost = i % 4 == 0 ? "£5, free for people with lived experience" : "free",
        Start = new DateTimeOffset(2027, 7, 5, 9, 0, 0, TimeSpan.FromHours(1)).AddMinutes(i * 30),
        End = new DateTimeOffset(2027, 7, 5, 11, 0, 0, TimeSpan.FromHours(1)).AddMinutes(i * 30),
    }, $"evt-{i:000}", $"workshop-{i:000}")).ToList();

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Welsh)]
    public void Three_hundred_events_come_in_pages_of_twenty_each_under_50_KB(Language language)
    {
        var pages = EventList.RenderPages(Many(), Now, SiteSamples.Options(), language);

        var list = Enumerable.Range(1, 15).Select(n => language.Localise(EventList.PagePath(SitePaths.Events, n))).ToList();
        Assert.Equal(language.Localise("events/page/15/index.html"), list[^1]);
        Assert.All(list, path => Assert.True(pages.ContainsKey(path), path));
        Assert.False(pages.ContainsKey(language.Localise("events/page/16/index.html")));
        Assert.All(list, p => Assert.Equal(20, PageChecks.Parse(pages[p]).QuerySelectorAll("li.card").Length));
        foreach (var (path, html) in pages)
        {
            var bytes = Encoding.UTF8.GetByteCount(html);
            Assert.True(bytes <= 50 * 1024, $"{path} is {bytes:N0} bytes");
        }
    }

    [Fact]
    public void Each_page_links_to_the_previous_and_next_and_marks_itself_and_titles_say_which_page()
    {
        var pages = EventList.RenderPages(Many(), Now, SiteSamples.Options());
        var third = PageChecks.AssertSoundPage(pages["events/page/3/index.html"]);
        var first = PageChecks.AssertSoundPage(pages["events/index.html"]);

        var nav = third.QuerySelector("nav.pagination")!;
        Assert.Equal("Pages of events", nav.GetAttribute("aria-label"));
        Assert.Equal("https://www.coproductionweek.example/events/page/2/", nav.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("https://www.coproductionweek.example/events/page/4/", nav.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("Page 3", nav.QuerySelector("a[aria-current=page]")!.TextContent);
        Assert.Equal(["1", "2", "3", "4", "5", "15"], nav.QuerySelectorAll("a:not([rel])").Select(a => a.TextContent.Replace("Page ", "")));
        Assert.StartsWith("Events (page 3 of 15)", third.Title);
        Assert.Equal("https://www.coproductionweek.example/events/page/3/", third.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://www.coproductionweek.example/cy/events/page/3/", third.QuerySelector("a.language-link")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("nav.pagination a[rel=prev]"));
        Assert.Equal("https://www.coproductionweek.example/events/", first.QuerySelector("nav.pagination a[aria-current=page]")!.GetAttribute("href"));
        Assert.Equal("300 events. Page 3 of 15", third.QuerySelector("#count")!.TextContent);
    }

    [Fact]
    public void A_day_that_runs_on_to_the_next_page_keeps_its_heading_there()
    {
        var pages = EventList.RenderPages(Many(), Now, SiteSamples.Options());

        // Two events an hour from 9am Monday: Monday's 30 run across pages 1 and 2, Tuesday's 48 from page 2 to page 4.
        static string[] Days(string html) => PageChecks.Parse(html).QuerySelectorAll("main h2").Select(h => h.TextContent).Where(t => t.EndsWith("2027", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["Monday 5 July 2027"], Days(pages["events/index.html"]));
        Assert.Equal(["Monday 5 July 2027", "Tuesday 6 July 2027"], Days(pages["events/page/2/index.html"]));
        Assert.Equal(["Tuesday 6 July 2027"], Days(pages["events/page/3/index.html"]));
    }

    [Fact]
    public void Filter_pages_come_in_pages_too_and_the_sitemap_can_list_every_page()
    {
        var events = Many();
        var pages = EventList.RenderPages(events, Now, SiteSamples.Options());

        // 50 events in Wales: three pages.
        Assert.True(pages.ContainsKey("events/region/wales/page/3/index.html"));
        Assert.False(pages.ContainsKey("events/region/wales/page/4/index.html"));
        var last = PageChecks.AssertSoundPage(pages["events/region/wales/page/3/index.html"]);
        Assert.Equal(10, last.QuerySelectorAll("li.card").Length);
        Assert.Equal("https://www.coproductionweek.example/events/region/wales/page/2/", last.QuerySelector("nav.pagination a[rel=prev]")!.GetAttribute("href"));
        var second = PageChecks.AssertSoundPage(pages["events/region/wales/page/2/index.html"]);
        Assert.Equal("https://www.coproductionweek.example/events/region/wales/", second.QuerySelector("nav.pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(pages.Keys.Order(), EventList.PagePaths(events, Now).Order());
    }
}
