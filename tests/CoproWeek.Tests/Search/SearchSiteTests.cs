using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;

namespace CoproWeek.Tests.Search;

/// <summary>GET /api/search on the real host: the combined filters and free text over what was published, as a page and as JSON.</summary>
public sealed class SearchSiteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Published_events_are_found_by_combined_filters_and_by_a_Welsh_word_as_a_page_or_as_JSON()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var year = DateTime.UtcNow.Year + 1;
        var tuesday = new DateTimeOffset(year, 7, 6, 10, 0, 0, TimeSpan.FromHours(1));
        var wales = SampleEvent.Json("Gŵyl cydgynhyrchu Caerdydd", tuesday);
        wales["region"] = "wales";
        wales["format"] = "online";
        wales.Remove("venue");
        wales["access"] = new JsonObject { ["bsl"] = true };
        var noBsl = SampleEvent.Json("Cardiff carers coffee morning", tuesday);
        noBsl["region"] = "wales";
        noBsl["access"] = new JsonObject { ["captions"] = true };
        var walesPath = await SampleEvent.WaitUntilLiveAsync(client, hub, (await SampleEvent.SubmitAsync(client, wales)).Id);
        var otherPath = await SampleEvent.WaitUntilLiveAsync(client, hub, (await SampleEvent.SubmitAsync(client, noBsl)).Id);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/events/")).Contains(otherPath), "both events to be listed");
        await hub.QueuesIdleAsync(Hub.Triggers.RebuildIndexes);

        var day = $"{year}-07-06";
        using var htmlRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/search?q=&region=wales&format=online&access=bsl&day={day}&topic=&cost=free&kind=events");
        htmlRequest.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var html = await client.SendAsync(htmlRequest);
        var page = new HtmlParser().ParseDocument(await html.Content.ReadAsStringAsync());
        using var jsonRequest = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=gwyl");
        jsonRequest.Headers.Accept.ParseAdd("application/json");
        var json = await client.SendAsync(jsonRequest);
        var answer = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        var bad = await client.GetAsync("/api/search?region=atlantis&day=tuesday");

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("public, max-age=60", html.Headers.CacheControl?.ToString());
        Assert.Equal("1 result", page.QuerySelector("#count")?.TextContent);
        Assert.Equal([new Uri(new Uri("http://localhost"), walesPath).AbsoluteUri], page.QuerySelectorAll("li.card h3 a").Select(a => a.GetAttribute("href")));
        Assert.Equal("wales", page.QuerySelector("#finder-region option[selected]")?.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#finder-access-bsl")?.HasAttribute("checked").ToString().ToLowerInvariant());
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, answer.GetProperty("total").GetInt32());
        var result = answer.GetProperty("results")[0];
        Assert.Equal("Gŵyl cydgynhyrchu Caerdydd", result.GetProperty("title").GetString());
        Assert.Equal("<mark>Gŵyl</mark> cydgynhyrchu Caerdydd", result.GetProperty("titleHtml").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["region"]);
        Assert.NotNull(problem["errors"]!["day"]);

        var home = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        Assert.Contains(home.QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "http://localhost/api/search" && a.TextContent == "Search");
    }

    [Fact]
    public async Task Stories_are_found_by_their_kind_with_the_kind_in_the_JSON_and_an_unknown_kind_is_refused_by_name()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var practice = SamplePost.Parts(title: "How our ward co-designed visiting", images: 0);
        practice.Add(new("kind", "good-practice"));
        var ids = new List<string>();
        foreach (var parts in new[] { practice, SamplePost.Parts(title: "What our panel learned", images: 0) })
        {
            var submitted = await SamplePost.SubmitAsync(client, parts);
            await SamplePost.ApproveAsync(hub, submitted.Id);
            await SamplePost.WaitUntilLiveAsync(client, hub, submitted.Id);
            ids.Add(submitted.Id);
        }
        await hub.QueuesIdleAsync(Hub.Triggers.RebuildIndexes);

        async Task<JsonElement> SearchAsync(string query)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search" + query);
            request.Headers.Accept.ParseAdd("application/json");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }
        await Eventually.TrueAsync(async () => (await SearchAsync("?kind=stories")).GetProperty("total").GetInt32() == 2, "both stories to be searchable");

        var found = await SearchAsync("?storyKind=good-practice");
        var all = await SearchAsync("?kind=stories");
        var bad = await client.GetAsync("/api/search?storyKind=opinion");
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/api/search?storyKind=opinion");
        pageRequest.Headers.Accept.ParseAdd("text/html");
        var badPage = await client.SendAsync(pageRequest);

        Assert.Equal([ids[0]], found.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("good-practice", found.GetProperty("results")[0].GetProperty("storyKind").GetString());
        Assert.Equal("blog", all.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == ids[1]).GetProperty("storyKind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["storyKind"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.NotNull(new HtmlParser().ParseDocument(await badPage.Content.ReadAsStringAsync()).QuerySelector("#finder-storyKind[aria-invalid=true]"));
    }
}
