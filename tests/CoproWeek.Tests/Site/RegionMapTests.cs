using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;

namespace CoproWeek.Tests.Site;

public sealed class RegionMapTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_home_page_and_the_events_list_show_a_tile_for_each_of_the_twelve_regions_with_its_count_and_the_same_links_as_a_list()
    {
        PublishedEvent[] events =
        [
            SiteSamples.Published(SiteSamples.Details() with { Region = "wales" }, "w1", "w1"),
            SiteSamples.Published(SiteSamples.Details() with { Region = "wales" }, "w2", "w2"),
            SiteSamples.Published(),
        ];
        var options = SiteSamples.Options();

        foreach (var html in new[] { HomePage.Render(events, Now, options), EventList.RenderPages(events, Now, options)[SitePaths.Events] })
        {
            var page = PageChecks.AssertSoundPage(html);
            var tiles = page.QuerySelectorAll(".tile-map a");
            Assert.Equal(12, tiles.Length);
            var wales = tiles.Single(a => a.GetAttribute("href") == "https://www.coproductionweek.example/events/region/wales/");
            Assert.Equal("Wales2", wales.TextContent);
            Assert.Equal("-1", wales.GetAttribute("tabindex"));
            Assert.Equal("true", page.QuerySelector(".tile-map")!.GetAttribute("aria-hidden"));
            var list = page.QuerySelectorAll(".region-list a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
            Assert.Equal(13, list.Count);
            Assert.Contains(("Wales: 2 events", "https://www.coproductionweek.example/events/region/wales/"), list);
            Assert.Contains(("London: 1 event", "https://www.coproductionweek.example/events/region/london/"), list);
            Assert.Contains(("Scotland: 0 events", "https://www.coproductionweek.example/events/region/scotland/"), list);
            Assert.All(tiles, t => Assert.Contains(list, l => l.Item2 == t.GetAttribute("href")));
        }
    }

    [Fact]
    public void The_home_page_features_the_newest_stories_with_pictures_first()
    {
        var picture = new CoproWeek.Hub.Posts.PublicImage("https://www.coproductionweek.example/posts/a/image-1.jpg", "A table", 1600, 1067);
        var stories = Enumerable.Range(1, 5).Select(i => new CoproWeek.Hub.Posts.PublishedPost($"p{i}", $"s{i}", 1, new CoproWeek.Hub.Posts.PublicPost
        {
            Title = $"Story {i}", AuthorName = "Sam", Summary = "Words.", Images = i == 4 ? [picture] : [],
        }, Now.AddDays(-i))).ToList();

        var page = PageChecks.Parse(HomePage.Render([SiteSamples.Published()], Now, SiteSamples.Options(), stories: stories));

        var featured = page.QuerySelectorAll("h2").Single(h => h.TextContent == "Stories from the week").NextElementSibling!;
        Assert.Equal(["Story 4", "Story 1", "Story 2"], featured.QuerySelectorAll("li.card h3 a").Select(a => a.TextContent));
        Assert.NotNull(featured.QuerySelector("li.card .thumbnail img"));
    }
}
