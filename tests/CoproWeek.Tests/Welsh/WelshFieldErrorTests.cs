using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using CoproWeek.Hub;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;
using CoproWeek.Tests.Reports;
using CoproWeek.Tests.Site;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoproWeek.Tests.Welsh;

/// <summary>
/// A field that is too long or in the wrong shape, sent from a Welsh form or to the API with lang=cy, is answered in Welsh
/// beside the field and in the problem details: the reader's checks speak the request's language, labels and all.
/// </summary>
[LongRunning]
public sealed class WelshFieldErrorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string WelshEmailFormat = "yn y fformat cywir, fel enw@example.org.";
    private static readonly DateTimeOffset Soon = DateTimeOffset.UtcNow.AddDays(30);

    [Fact]
    public async Task An_event_with_a_long_title_and_a_malformed_email_is_answered_in_Welsh_on_the_page_and_in_the_problem()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var start = new DateTime(DateTime.UtcNow.Year + 1, 7, 6, 14, 0, 0);

        var sent = await client.PostAsync("/api/events?lang=cy", new FormUrlEncodedContent([
            new("title", new string('a', 121)), new("summary", "Paned a sgwrs."), new("description", "Dewch draw."),
            new("organiser.name", "Gofalwyr"), new("contact.name", "Siân"), new("contact.email", "nid ebost"),
            new("start", start.ToString("yyyy-MM-dd'T'HH:mm")), new("end", start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm")),
            new("format", "online"), new("region", "wales"), new("website", "")]));

        var page = await WelshPageAsync(sent);
        Assert.Equal("Mae'n rhaid i deitl fod yn 120 nod neu lai.", ErrorBeside(page, "title"));
        Assert.Equal("Rhowch gyfeiriad e-bost cyswllt " + WelshEmailFormat, ErrorBeside(page, "contact-email"));

        var api = await client.PostAsJsonAsync("/api/events?lang=cy", new { title = new string('a', 121), start = "fory" });
        var errors = await WelshErrorsAsync(api);
        Assert.Equal("Mae'n rhaid i deitl fod yn 120 nod neu lai.", errors["title"]);
        Assert.StartsWith("Rhowch ddyddiad ac amser dechrau fel dyddiad ac amser ISO 8601", errors["start"]);
        Assert.Equal("Rhowch enw'r trefnydd.", errors["organiser.name"]);
    }

    [Fact]
    public async Task A_story_with_a_long_title_is_answered_in_Welsh_on_the_page_and_in_the_problem()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        List<SamplePost.Part> Parts()
        {
            var parts = SamplePost.Parts(title: new string('t', 121), images: 0);
            parts.Add(new("language", "cy"));
            parts.RemoveAll(p => p.Name == "tags");
            parts.Add(new("tags", string.Join(",", Enumerable.Range(1, 30).Select(i => $"tag{i}"))));
            return parts;
        }
        var form = new HttpRequestMessage(HttpMethod.Post, "/api/posts?lang=cy") { Content = SamplePost.Content(Parts()) };
        form.Headers.Accept.ParseAdd("text/html");

        var page = await WelshPageAsync(await client.SendAsync(form));
        Assert.Equal("Mae'n rhaid i deitl fod yn 120 nod neu lai.", ErrorBeside(page, "title"));

        var errors = await WelshErrorsAsync(await client.PostAsync("/api/posts?lang=cy", SamplePost.Content(Parts())));
        Assert.Equal("Mae'n rhaid i deitl fod yn 120 nod neu lai.", errors["title"]);
        Assert.StartsWith("Rydych wedi rhoi 30 tag.", errors["tags"]);
    }

    [Fact]
    public async Task A_subscription_with_an_unknown_region_or_a_number_for_an_email_is_answered_in_Welsh()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var sent = await client.PostAsync("/api/subscriptions?lang=cy", new FormUrlEncodedContent([
            new("email", "cymru@example.org"), new("frequency", "weekly"), new("regions", "atlantis"), new("language", "cy")]));

        var page = await WelshPageAsync(sent);
        Assert.Equal(Localised.Get<SubscriptionText>("ErrorRegions", Language.Welsh, "atlantis"), ErrorBeside(page, "regions", group: true));

        var errors = await WelshErrorsAsync(await client.PostAsJsonAsync("/api/subscriptions?lang=cy", new { email = 5, frequency = "weekly" }));
        Assert.Equal(Localised.Get<SubscriptionText>("ErrorAsText", Language.Welsh, "email"), errors["email"]);
    }

    [Fact]
    public async Task A_report_with_too_many_details_or_a_malformed_email_is_answered_in_Welsh()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("Peer support in Hull", Soon), DateTimeOffset.UtcNow);

        var sent = await client.PostAsync("/api/reports?lang=cy", new FormUrlEncodedContent([
            new("item", id), new("reason", "wrong-details"), new("details", new string('d', SubmitReport.LongestDetails + 1))]));

        var page = await WelshPageAsync(sent);
        Assert.Equal($"Mae'n rhaid i {Localised.Get<ReportText>("LabelDetails", Language.Welsh)} fod yn 2,000 nod neu lai.", ErrorBeside(page, "details"));

        var errors = await WelshErrorsAsync(await client.PostAsJsonAsync("/api/reports?lang=cy", new { item = id, reason = "wrong-details", email = "nid ebost" }));
        Assert.Equal($"Rhowch {Localised.Get<ReportText>("LabelEmail", Language.Welsh)} {WelshEmailFormat}", errors["email"]);
    }

    [Fact]
    public async Task An_access_request_with_a_long_name_or_a_malformed_email_is_answered_in_Welsh()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("Co-producing care in Cardiff", Soon, region: "wales"), DateTimeOffset.UtcNow);

        var sent = await client.PostAsync($"/api/events/{id}/access-requests?lang=cy", new FormUrlEncodedContent([
            new("needs", "bsl"), new("contactBy", "email"), new("name", new string('n', 101)), new("email", "sian@example.org"), new("consent", "true")]));

        var page = await WelshPageAsync(sent);
        var name = Localised.Get<Hub.AccessRequests.AccessRequestText>("LabelName", Language.Welsh);
        Assert.Equal($"Mae'n rhaid i {name} fod yn 100 nod neu lai.", ErrorBeside(page, "name"));

        var errors = await WelshErrorsAsync(await client.PostAsJsonAsync($"/api/events/{id}/access-requests?lang=cy",
            new { needs = new[] { "bsl" }, contactBy = "email", name = "Siân", email = "nid ebost", consent = true }));
        Assert.Equal($"Rhowch {Localised.Get<Hub.AccessRequests.AccessRequestText>("LabelEmail", Language.Welsh)} {WelshEmailFormat}", errors["email"]);
    }

    [Fact]
    public async Task A_pledge_with_a_web_address_that_is_not_https_or_a_malformed_email_is_answered_in_Welsh()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = new HttpRequestMessage(HttpMethod.Post, "/api/supporters?lang=cy")
        {
            Content = new MultipartFormDataContent("supporter-boundary-fields")
            {
                { new StringContent("Cefnogwyr Cymru"), "organisation" },
                { new StringContent("http://cefnogwyr.example.org"), "website" },
                { new StringContent("Dim byd amdanom ni hebom ni."), "statement" },
                { new StringContent("cefnogwyr@example.org"), "contactEmail" },
                { new StringContent("true"), "consent" },
                { new StringContent(""), "url" },
            },
        };
        form.Headers.Accept.ParseAdd("text/html");

        var page = await WelshPageAsync(await client.SendAsync(form));
        Assert.Equal("Rhowch wefan eich sefydliad fel cyfeiriad gwe llawn sy'n dechrau gyda https://, fel https://example.org.", ErrorBeside(page, "website"));

        var errors = await WelshErrorsAsync(await client.PostAsJsonAsync("/api/supporters?lang=cy",
            new { organisation = "Cefnogwyr Cymru", website = "https://cefnogwyr.example.org", statement = "Dim byd amdanom ni hebom ni.", contactEmail = "nid ebost", consent = true }));
        Assert.Equal("Rhowch eich cyfeiriad e-bost " + WelshEmailFormat, errors["contactEmail"]);
    }

    private static async Task<IDocument> WelshPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = PageChecks.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("cy", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Mae problem", page.QuerySelector(".error-summary h2")?.TextContent.Trim());
        Assert.Empty(WelshChecks.EnglishLeftIn(page));
        return page;
    }

    private static string? ErrorBeside(IDocument page, string field, bool group = false) =>
        page.QuerySelector(group ? $"#field-{field}-group-error" : $"#field-{field}-error")?.TextContent.Replace("Gwall:", "", StringComparison.Ordinal).Trim();

    /// <summary>The first message for each field, after checking the problem's own words are Welsh.</summary>
    private static async Task<Dictionary<string, string>> WelshErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Gwiriwch eich atebion", problem.GetProperty("title").GetString());
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
    }
}
