using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Site;
using CoproWeek.Tests.Welsh;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoproWeek.Tests.Events;

[LongRunning]
public sealed class WelshEventPostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static FormUrlEncodedContent Form(bool withTitle)
    {
        var start = new DateTime(DateTime.UtcNow.Year + 1, 7, 6, 14, 0, 0);
        var fields = new List<KeyValuePair<string, string>>
        {
            KeyValuePair.Create("summary", "Paned, cacen a sgwrs am beth mae gofalwyr ei eisiau gan wasanaethau."),
            KeyValuePair.Create("description", "Dewch draw."),
            KeyValuePair.Create("language", "cy"),
            KeyValuePair.Create("organiser.name", "Gofalwyr Gyda'n Gilydd"),
            KeyValuePair.Create("contact.name", "Siân"),
            KeyValuePair.Create("contact.email", "sian@example.org"),
            KeyValuePair.Create("start", start.ToString("yyyy-MM-dd'T'HH:mm")),
            KeyValuePair.Create("end", start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm")),
            KeyValuePair.Create("format", "online"),
            KeyValuePair.Create("region", "wales"),
            KeyValuePair.Create("topics", "social-care"),
            KeyValuePair.Create("website", ""),
        };
        if (withTitle)
        {
            fields.Add(KeyValuePair.Create("title", "Bore coffi gofalwyr"));
        }
        return new FormUrlEncodedContent(fields);
    }

    [Fact]
    public async Task A_Welsh_post_with_a_missing_field_is_answered_with_the_Welsh_form_and_a_Welsh_summary_linking_to_it()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/api/events?lang=cy", Form(withTitle: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = PageChecks.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("cy", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Mae problem", page.QuerySelector(".error-summary h2").Text());
        Assert.Contains("#field-title", page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.EndsWith("/api/events?lang=cy", page.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("Siân", page.GetElementById("field-contact-name")!.GetAttribute("value"));
        Assert.Empty(WelshChecks.EnglishLeftIn(page));
    }

    [Fact]
    public async Task A_Welsh_post_that_succeeds_goes_on_to_the_Welsh_thanks_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/api/events?lang=cy", Form(withTitle: true));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith("/cy/submit-event/thanks/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_API_asked_in_Welsh_gives_Welsh_problem_details_naming_the_field()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/events?lang=cy", new { summary = "Paned a sgwrs." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Gwiriwch eich atebion", problem.GetProperty("title").GetString());
        Assert.StartsWith("Mae angen newid", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
    }
}
