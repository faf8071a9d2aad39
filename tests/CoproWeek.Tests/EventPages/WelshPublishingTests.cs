using AngleSharp.Html.Parser;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Welsh;

namespace CoproWeek.Tests.EventPages;

/// <summary>The publisher writes every event page, list and the home page twice on real storage: English, and Welsh under <c>/cy/</c>.</summary>
public sealed class WelshPublishingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_published_event_has_a_Welsh_page_and_appears_in_the_Welsh_list_and_home_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var year = DateTime.UtcNow.Year + 1;
        var json = SampleEvent.Json("Co-producing care in Swansea", new DateTimeOffset(year, 7, 6, 10, 0, 0, TimeSpan.FromHours(1)));
        json["region"] = "wales";

        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, (await SampleEvent.SubmitAsync(client, json)).Id);
        var welshPath = "/cy" + path;
        // The rebuild writes its pages side by side: wait for each of them to have the event.
        foreach (var list in new[] { "/cy/events/", "/cy/events/region/wales/", "/cy/" })
        {
            await Eventually.TrueAsync(async () => (await client.GetStringAsync(list)).Contains(welshPath, StringComparison.Ordinal), $"{list} to have the event");
        }

        var parser = new HtmlParser();
        var page = parser.ParseDocument(await client.GetStringAsync(welshPath));
        WelshChecks.AssertWelshPage(page);
        Assert.Equal("Co-producing care in Swansea", page.QuerySelector("h1")!.TextContent);
        Assert.EndsWith("/cy/events/region/wales/", page.QuerySelector("dl.facts a")!.GetAttribute("href"));
        var wales = parser.ParseDocument(await client.GetStringAsync("/cy/events/region/wales/"));
        WelshChecks.AssertWelshPage(wales);
        Assert.Contains(wales.QuerySelectorAll("li.card h3 a"), a => a.GetAttribute("href")!.EndsWith(welshPath, StringComparison.Ordinal));
        var home = parser.ParseDocument(await client.GetStringAsync("/cy/"));
        WelshChecks.AssertWelshPage(home);
        Assert.Contains(home.QuerySelectorAll("li.card h3 a"), a => a.GetAttribute("href")!.EndsWith(welshPath, StringComparison.Ordinal));
    }
}
