using System.Text.Json;
using System.Web;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;
using Ical.Net;

namespace CoproWeek.Tests.Site;

/// <summary>Every event travels: calendars, shared links, search engines' data and feeds, from the pure renderers.</summary>
public sealed class SharingTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_event_page_offers_the_ics_file_Google_Calendar_and_Outlook_with_the_event_filled_in()
    {
        var page = PageChecks.Parse(EventPage.Render(SiteSamples.Published(), SiteSamples.Options()));

        var links = page.QuerySelectorAll("#add-to-calendar ~ ul a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal(4, links.Count);
        Assert.Equal("https://www.coproductionweek.example/events/planning-our-carers-strategy/event.ics", links[0]);
        var google = new Uri(links[1]);
        Assert.Equal("calendar.google.com", google.Host);
        var query = HttpUtility.ParseQueryString(google.Query);
        Assert.Equal("TEMPLATE", query["action"]);
        Assert.Equal("Planning our carers' strategy together", query["text"]);
        Assert.Equal("20270705T090000Z/20270705T113000Z", query["dates"]);
        Assert.Equal("Riverside Community Centre, 1 Mill Lane, Riverside, RV1 2AB", query["location"]);
        Assert.EndsWith("https://www.coproductionweek.example/events/planning-our-carers-strategy/", query["details"]);
        foreach (var (link, host) in new[] { (links[2], "outlook.live.com"), (links[3], "outlook.office.com") })
        {
            var outlook = new Uri(link);
            var values = HttpUtility.ParseQueryString(outlook.Query);
            Assert.Equal(host, outlook.Host);
            Assert.Equal("2027-07-05T09:00:00Z", values["startdt"]);
            Assert.Equal("2027-07-05T11:30:00Z", values["enddt"]);
            Assert.Equal("Planning our carers' strategy together", values["subject"]);
        }
    }

    [Fact]
    public void Every_region_and_topic_has_a_calendar_of_its_own_and_each_list_links_to_its_calendar_by_webcal()
    {
        var wales = SiteSamples.Published(SiteSamples.Details() with { Region = "wales", Topics = ["health"] }, "evt-wales", "wales-event");
        var files = EventSite.Indexes([SiteSamples.Published(), wales, SiteSamples.Online()], Now, SiteSamples.Options()).ToDictionary(f => f.Path);

        var walesCalendar = Calendar.Load(files["events/region/wales/calendar.ics"].Content)!;
        var research = Calendar.Load(files["events/topic/research/calendar.ics"].Content)!;

        Assert.Equal(["evt-wales@coproductionweek"], walesCalendar.Events.Select(e => e.Uid));
        Assert.Equal(["evt-online@coproductionweek"], research.Events.Select(e => e.Uid));
        Assert.Empty(Calendar.Load(files["events/region/scotland/calendar.ics"].Content)!.Events);
        Assert.Contains("X-WR-CALNAME:Co-production Week events: Wales", files["events/region/wales/calendar.ics"].Content);
        var regionPage = PageChecks.Parse(files["events/region/wales/index.html"].Content);
        Assert.Contains(regionPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == "webcal://www.coproductionweek.example/events/region/wales/calendar.ics");
        var topicPage = PageChecks.Parse(files["events/topic/research/index.html"].Content);
        Assert.Contains(topicPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == "webcal://www.coproductionweek.example/events/topic/research/calendar.ics");
        var allPage = PageChecks.Parse(files["events/index.html"].Content);
        Assert.Contains(allPage.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "webcal://www.coproductionweek.example/events/calendar.ics");
        Assert.Contains(allPage.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "webcal://www.coproductionweek.example/events/calendar.ics");
    }

    [Fact]
    public void Event_data_for_search_engines_has_an_image_a_price_in_pounds_for_a_paid_event_and_availability()
    {
        var paid = SiteSamples.Published(SiteSamples.Details() with { Cost = "£12.50, or £8 for students" });

        var free = JsonDocument.Parse(EventJsonLd.Write(SiteSamples.Published(), SiteSamples.Options())).RootElement;
        var json = JsonDocument.Parse(EventJsonLd.Write(paid, SiteSamples.Options())).RootElement;

        Assert.Equal("https://www.coproductionweek.example/assets/social-card.png", json.GetProperty("image")[0].GetString());
        var offer = json.GetProperty("offers");
        Assert.Equal(8m, offer.GetProperty("price").GetDecimal());
        Assert.Equal("GBP", offer.GetProperty("priceCurrency").GetString());
        Assert.Equal("https://schema.org/InStock", offer.GetProperty("availability").GetString());
        Assert.False(json.GetProperty("isAccessibleForFree").GetBoolean());
        Assert.Equal(0m, free.GetProperty("offers").GetProperty("price").GetDecimal());
    }

    [Theory]
    [InlineData("£5", 5)]
    [InlineData("£12.50 or £8 concessions", 8)]
    [InlineData("10 pounds", 10)]
    [InlineData("Pay what you can", null)]
    [InlineData("", null)]
    public void The_price_is_the_lowest_amount_in_pounds_the_cost_names(string cost, int? pounds) =>
        Assert.Equal(pounds is null ? null : (decimal)pounds, EventPrice.Lowest(cost));

    [Fact]
    public void Every_page_has_Open_Graph_and_Twitter_card_tags_and_a_story_shares_its_first_picture()
    {
        var options = SiteSamples.Options();
        var story = Story();
        var pages = new Dictionary<string, string>
        {
            ["home"] = HomePage.Render([SiteSamples.Published()], Now, options),
            ["event"] = EventPage.Render(SiteSamples.Published(), options),
            ["not found"] = PlainPages.NotFound(options),
            ["story"] = PostPage.Render(story, "<p>Words.</p>", null, options, modified: Now),
        };

        foreach (var (name, html) in pages)
        {
            var page = new HtmlParser().ParseDocument(html);
            string? Meta(string key) => page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");
            Assert.False(string.IsNullOrWhiteSpace(Meta("og:title")), name);
            Assert.False(string.IsNullOrWhiteSpace(Meta("og:description")), name);
            Assert.StartsWith("https://www.coproductionweek.example/", Meta("og:image"));
            Assert.Equal("summary_large_image", Meta("twitter:card"));
            Assert.Equal(Meta("og:image"), Meta("twitter:image"));
            Assert.Equal(Meta("og:description"), Meta("description"));
        }
        var shared = new HtmlParser().ParseDocument(pages["story"]);
        Assert.Equal(story.Post.Images[0].Url, shared.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("article", shared.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        var eventPage = new HtmlParser().ParseDocument(pages["event"]);
        Assert.Equal("https://www.coproductionweek.example/assets/social-card.png", eventPage.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("1200", eventPage.QuerySelector("meta[property='og:image:width']")!.GetAttribute("content"));
    }

    [Fact]
    public void A_story_tells_search_engines_when_it_changed_and_who_published_it_with_their_logo()
    {
        var story = Story();
        var page = new HtmlParser().ParseDocument(PostPage.Render(story, "<p>Words.</p>", null, SiteSamples.Options(), modified: Now));

        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

        Assert.Equal("2027-06-01T10:15:00+01:00", json.GetProperty("datePublished").GetString());
        Assert.Equal("2027-07-01T13:00:00+01:00", json.GetProperty("dateModified").GetString());
        var logo = json.GetProperty("publisher").GetProperty("logo");
        Assert.Equal("ImageObject", logo.GetProperty("@type").GetString());
        Assert.Equal("https://www.coproductionweek.example/assets/logo-512.png", logo.GetProperty("url").GetString());
    }

    [Fact]
    public void The_RSS_feed_names_itself_and_both_feeds_carry_a_story_in_full()
    {
        var story = Story();
        var safe = PostBodyRenderer.ToHtml("We met.\n\n## What we learned\n\nA lot. <script>alert(1)</script>", []);
        var files = SiteFeeds.Render([story, Story("p2", "no-body")], [SiteSamples.Published()], Now, SiteSamples.Options(),
            new Dictionary<string, string> { ["p1"] = safe }).ToDictionary(f => f.Path, f => f.Content);

        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace content = SiteFeeds.ContentModule;
        var rss = XDocument.Parse(files[PostPaths.RssFeed]);
        var self = rss.Root!.Element("channel")!.Elements(atom + "link").Single();
        Assert.Equal(("self", "https://www.coproductionweek.example/feed.xml", "application/rss+xml"),
            (self.Attribute("rel")?.Value, self.Attribute("href")?.Value, self.Attribute("type")?.Value));
        var full = rss.Descendants("item").Single(i => i.Element("link")!.Value.EndsWith("/posts/our-day/")).Element(content + "encoded")!.Value;
        Assert.Contains("<h2>What we learned</h2>", full);
        Assert.Contains("<img src=\"https://www.coproductionweek.example/posts/our-day/image-1.jpg\" alt=\"Six people round a table\"", full);
        Assert.DoesNotContain("<script", full);
        Assert.Null(rss.Descendants("item").Single(i => i.Element("link")!.Value.EndsWith("/posts/no-body/")).Element(content + "encoded"));

        var entry = XDocument.Parse(files[PostPaths.AtomFeed]).Descendants(atom + "entry").Single(e => e.Element(atom + "id")!.Value.EndsWith("/posts/our-day/"));
        Assert.Equal("html", entry.Element(atom + "content")!.Attribute("type")?.Value);
        Assert.Contains("<h2>What we learned</h2>", entry.Element(atom + "content")!.Value);
        Assert.Equal("We met. What we learned A lot.", entry.Element(atom + "summary")!.Value);
    }

    private static PublishedPost Story(string id = "p1", string slug = "our-day") => new(id, slug, 2, new PublicPost
    {
        Title = "Our day",
        AuthorName = "Sam Example",
        Summary = "We met. What we learned A lot.",
        Images = [new PublicImage($"https://www.coproductionweek.example/posts/{slug}/image-1.jpg", "Six people round a table", 1600, 1067)],
    }, new DateTimeOffset(2027, 6, 1, 9, 15, 0, TimeSpan.Zero));
}
