using System.Net;
using System.Net.Http.Json;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Site;

namespace CoproWeek.Tests.Welsh;

/// <summary>The private manage pages opened from a Welsh email (<c>/api/cy/.../manage</c>): Welsh, posting back to the Welsh route, answering in Welsh.</summary>
public sealed class WelshManagePagesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static string Welsh(string manageUrl) => manageUrl.Replace("/api/", "/api/cy/", StringComparison.Ordinal);

    [Fact]
    public async Task The_Welsh_event_manage_page_is_Welsh_its_forms_post_to_the_Welsh_route_and_a_withdrawal_without_the_tick_answers_in_Welsh()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        var welsh = Welsh(answer.ManageUrl);

        var page = PageChecks.Parse(await client.GetStringAsync(welsh));
        var forms = page.QuerySelectorAll("main form");
        var withdraw = forms[forms.Length - 1].GetAttribute("action")!;
        var unticked = await client.PostAsync(withdraw, new FormUrlEncodedContent([]));
        var again = PageChecks.Parse(await unticked.Content.ReadAsStringAsync());

        // The form holds the organiser's own English words; everything around them must be Welsh.
        foreach (var field in page.QuerySelectorAll("main textarea").ToList())
        {
            field.TextContent = "";
        }
        WelshChecks.AssertWelshPage(page);
        Assert.StartsWith("Eich digwyddiad:", page.QuerySelector("h1")!.TextContent);
        Assert.All(page.QuerySelectorAll("main form"), form => Assert.Contains($"/api/cy/events/{answer.Id}/manage?token=", form.GetAttribute("action")));
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Equal("cy", again.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Gwall:", again.Title);
    }

    [Fact]
    public async Task The_Welsh_pledge_manage_page_is_Welsh_and_a_withdrawal_without_the_tick_answers_in_Welsh()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var sent = await client.PostAsJsonAsync("/api/supporters", Stories.SupporterTests.Json("Partneriaid Pontypridd"));
        var pledge = (await sent.Content.ReadFromJsonAsync<SampleEvent.Answer>())!;
        var welsh = Welsh(pledge.ManageUrl);

        var page = PageChecks.Parse(await client.GetStringAsync(welsh));
        var unticked = await client.PostAsync(page.QuerySelector("main form")!.GetAttribute("action"), new FormUrlEncodedContent([]));
        var again = PageChecks.Parse(await unticked.Content.ReadAsStringAsync());

        WelshChecks.AssertWelshPage(page);
        Assert.Equal("Eich addewid o gefnogaeth: Partneriaid Pontypridd", page.QuerySelector("h1")!.TextContent);
        Assert.Contains($"/api/cy/supporters/{pledge.Id}/manage?token=", page.QuerySelector("main form")!.GetAttribute("action"));
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        // By now the automatic checks have held the pledge with their (English) reason, shown as the team said it.
        Assert.Equal("cy", again.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Mae problem", again.QuerySelector(".error-summary h2")!.TextContent);
        Assert.Equal("Ticiwch y blwch i gadarnhau eich bod am ddod oddi ar dudalen y cefnogwyr.", again.QuerySelector(".error-summary a")!.TextContent);
    }
}
