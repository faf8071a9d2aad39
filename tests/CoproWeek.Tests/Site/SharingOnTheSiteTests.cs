using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;
using Ical.Net;

namespace CoproWeek.Tests.Site;

/// <summary>What a published event and story carry for sharing, through the real publisher and rebuild.</summary>
public sealed class SharingOnTheSiteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_published_story_is_in_both_feeds_in_full_made_safe_and_its_region_calendar_carries_a_published_event()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var body = SamplePost.Body + "\n\n### Next year\n\nMore of it. <script>alert(1)</script> <img src=x onerror=alert(1)>";
        var answer = await SamplePost.SubmitAsync(client, SamplePost.Parts(body: body, images: 1));
        await SamplePost.ApproveAsync(hub, answer.Id);
        var storyPath = await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);
        var eventPath = await SampleEvent.WaitUntilLiveAsync(client, hub, (await SampleEvent.SubmitAsync(client)).Id);

        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace content = SiteFeeds.ContentModule;
        var rss = await Eventually.GetAsync(async () => XDocument.Parse(await client.GetStringAsync("/feed.xml")) is var d
            && d.Descendants("item").Any(i => i.Element("link")!.Value.EndsWith(eventPath)) ? d : null, "the feed to carry the event");
        var full = rss.Descendants("item").Single(i => i.Element("link")!.Value.EndsWith(storyPath)).Element(content + "encoded")!.Value;
        Assert.Equal("http://localhost/feed.xml", rss.Root!.Element("channel")!.Elements(atom + "link").Single(l => l.Attribute("rel")?.Value == "self").Attribute("href")?.Value);
        Assert.Contains("<h2>What we learned</h2>", full);
        Assert.Contains("<h3>Next year</h3>", full);
        Assert.Contains("http://localhost" + storyPath + "image-1.jpg", full);
        // The hostile words arrive as text, never as elements or attributes.
        var fragment = new HtmlParser().ParseDocument("<body>" + full);
        Assert.Empty(fragment.QuerySelectorAll("script"));
        Assert.DoesNotContain(fragment.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("<script>alert(1)</script>", fragment.Body!.TextContent);
        var atomFeed = XDocument.Parse(await client.GetStringAsync("/atom.xml"));
        var entry = atomFeed.Descendants(atom + "entry").Single(e => e.Element(atom + "id")!.Value.EndsWith(storyPath));
        Assert.Equal("html", entry.Element(atom + "content")!.Attribute("type")?.Value);
        Assert.Contains("<h3>Next year</h3>", entry.Element(atom + "content")!.Value);

        var region = Calendar.Load(await client.GetStringAsync("/events/region/yorkshire-and-the-humber/calendar.ics"))!;
        Assert.Single(region.Events);
        var eventPage = new HtmlParser().ParseDocument(await client.GetStringAsync(eventPath));
        Assert.Equal("http://localhost/assets/social-card.png", eventPage.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        Assert.Contains(eventPage.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("https://calendar.google.com/calendar/render?action=TEMPLATE") == true);
    }
}
