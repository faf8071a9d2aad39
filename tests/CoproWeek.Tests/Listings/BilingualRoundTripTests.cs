using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;
using CoproWeek.Tests.Site;
using CoproWeek.Tests.Welsh;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Listings;

/// <summary>A bilingual listing from the API, through a moderator, to every place it is published; and the Welsh search page.</summary>
public sealed class BilingualRoundTripTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string WelshTitle = "Gweithdy cyd-gynhyrchu yng Nghaerdydd";

    [Fact]
    public async Task A_bilingual_event_is_moderated_in_both_languages_and_published_with_each_text_marked_and_found_by_a_Welsh_word()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Moderation:EventsNeedAPerson"] = "true" });
        using var client = hub.CreateClient();
        var bilingual = SampleEvent.Json("Co-production workshop in Cardiff");
        bilingual["region"] = "wales";
        bilingual["language"] = "bilingual";
        bilingual["welsh"] = new JsonObject
        {
            ["title"] = WelshTitle,
            ["summary"] = "Gweithdy agored gan bobl sy'n defnyddio gwasanaethau a'r staff sy'n eu rhedeg.",
            ["description"] = "Byddwn yn rhannu'r hyn a ddysgwyd.",
            ["easyRead"] = "Cyfarfod am wasanaethau iechyd meddwl.",
        };
        var welshOnly = SampleEvent.Json("Bore coffi gofalwyr");
        welshOnly["language"] = "cy";

        var submitted = await SampleEvent.SubmitAsync(client, bilingual);
        var held = await SamplePost.WaitForStatusAsync(hub, submitted.Id, SubmissionStatus.Held);
        var fields = await hub.Services.GetRequiredService<ItemFields>().OfAsync(held, CancellationToken.None);
        await SamplePost.ApproveAsync(hub, submitted.Id);
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, submitted.Id);
        var welshSubmitted = await SampleEvent.SubmitAsync(client, welshOnly);
        await SamplePost.ApproveAsync(hub, welshSubmitted.Id);
        var welshPath = await SampleEvent.WaitUntilLiveAsync(client, hub, welshSubmitted.Id);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/events/")).Contains(welshPath), "both events to be listed");
        await hub.QueuesIdleAsync(Hub.Triggers.RebuildIndexes);

        Assert.Contains(fields, f => f.Label == "Language of the listing" && f.Value == "English and Welsh");
        Assert.Contains(fields, f => f.Label == "Name of the event in Welsh" && f.Value == WelshTitle);
        Assert.Contains(fields, f => f.Label == "Easy-read summary in Welsh" && f.Value == "Cyfarfod am wasanaethau iechyd meddwl.");

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Co-production workshop in Cardiff", jsonLd.GetProperty("name").GetString());
        Assert.Equal(WelshTitle, jsonLd.GetProperty("alternateName").GetString());
        Assert.Equal(["en-GB", "cy"], jsonLd.GetProperty("inLanguage").EnumerateArray().Select(l => l.GetString()));

        var ics = await client.GetStringAsync(path + "event.ics");
        Assert.Contains("SUMMARY;LANGUAGE=en:Co-production workshop in Cardiff", ics);
        Assert.Contains(WelshTitle, Ical.Net.Calendar.Load(ics)!.Events.Single().Description);
        Assert.Contains("SUMMARY;LANGUAGE=cy:Bore coffi gofalwyr", await client.GetStringAsync(welshPath + "event.ics"));

        var events = JsonDocument.Parse(await client.GetStringAsync("/events/events.json")).RootElement.GetProperty("events").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal("bilingual", events[submitted.Id].GetProperty("language").GetString());
        Assert.Equal(WelshTitle, events[submitted.Id].GetProperty("welsh").GetProperty("title").GetString());
        Assert.Equal("cy", events[welshSubmitted.Id].GetProperty("language").GetString());

        var feed = XDocument.Parse(await client.GetStringAsync("/feed.xml")).Descendants("item").ToList();
        var welshFeed = XDocument.Parse(await client.GetStringAsync("/cy/feed.xml")).Descendants("item").ToList();
        Assert.Equal("en-GB", feed.Single(i => ((string)i.Element("title")!).Contains("Cardiff")).Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal("cy", feed.Single(i => ((string)i.Element("title")!).Contains("Bore coffi")).Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal("cy", welshFeed.Single(i => (string)i.Element("title")! == $"Digwyddiad: {WelshTitle}").Attribute(XNamespace.Xml + "lang")?.Value);

        foreach (var word in new[] { "gweithdy", "gwëithdy", "GWEITHDY" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString(word)}");
            request.Headers.Accept.ParseAdd("application/json");
            var answer = JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
            var found = Assert.Single(answer.GetProperty("results").EnumerateArray());
            Assert.Equal(submitted.Id, found.GetProperty("id").GetString());
            Assert.Equal("bilingual", found.GetProperty("language").GetString());
            Assert.Equal(WelshTitle, found.GetProperty("welsh").GetProperty("title").GetString());
        }

        using var welshRequest = new HttpRequestMessage(HttpMethod.Get, "/api/cy/search?q=gw%C3%ABithdy");
        welshRequest.Headers.Accept.ParseAdd("text/html");
        var welshAnswer = await client.SendAsync(welshRequest);
        var welshPage = PageChecks.Parse(await welshAnswer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, welshAnswer.StatusCode);
        WelshChecks.AssertWelshPage(welshPage);
        Assert.Equal("1 canlyniad", welshPage.QuerySelector("#count")?.TextContent);
        Assert.Equal(WelshTitle, welshPage.QuerySelector("li.card h3")?.TextContent);
        Assert.EndsWith("/cy" + path, welshPage.QuerySelector("li.card h3 a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_listing_in_an_unknown_language_or_bilingual_without_its_Welsh_is_refused_naming_each_field()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var unknown = SampleEvent.Json();
        unknown["language"] = "fr";
        var halfWelsh = SampleEvent.Json();
        halfWelsh["language"] = "bilingual";
        halfWelsh["welsh"] = new JsonObject { ["description"] = "Disgrifiad.", ["easyRead"] = new string('a', 1001) };
        var strayWelsh = SampleEvent.Json();
        strayWelsh["welsh"] = new JsonObject { ["title"] = WelshTitle, ["summary"] = "Crynodeb." };
        var story = SamplePost.Parts(images: 0);
        story.Add(new("language", "bilingual"));
        story.Add(new("welsh.title", new string('t', 121)));

        var errors = new List<JsonObject>();
        foreach (var body in new[] { unknown, halfWelsh, strayWelsh })
        {
            var response = await client.PostAsJsonAsync("/api/events", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            errors.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject());
        }
        var storyResponse = await client.PostAsync("/api/posts", SamplePost.Content(story));
        var storyErrors = (await storyResponse.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();

        Assert.Equal(["language"], errors[0].Select(e => e.Key));
        Assert.Equal(["welsh.easyRead", "welsh.summary", "welsh.title"], errors[1].Select(e => e.Key).Order());
        Assert.Contains("1,000 characters or fewer", (string?)errors[1]["welsh.easyRead"]![0]);
        Assert.Equal(["welsh.summary", "welsh.title"], errors[2].Select(e => e.Key).Order());
        Assert.Equal(HttpStatusCode.BadRequest, storyResponse.StatusCode);
        Assert.Equal(["welsh.body", "welsh.title"], storyErrors.Select(e => e.Key).Order());
        Assert.Contains("120 characters or fewer", (string?)storyErrors["welsh.title"]![0]);
        Assert.Contains("your story in Welsh", (string?)storyErrors["welsh.body"]![0]);
    }
}
