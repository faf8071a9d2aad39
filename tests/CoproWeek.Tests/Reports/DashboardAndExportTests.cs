using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Moderation;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Reports;

public sealed class DashboardAndExportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Monday 5 July 2027 in UK summer time; 23:30 UK on the Tuesday is still Tuesday, though it is Tuesday 22:30 UTC.
    private static readonly DateTimeOffset Monday = new(2027, 7, 5, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Sent = new(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("GET", "/api/moderation/stats")]
    [InlineData("GET", "/api/moderation/export/events.csv")]
    [InlineData("GET", "/api/moderation/export/stories.csv")]
    [InlineData("GET", "/api/moderation/items/0123456789abcdef0123/reports")]
    [InlineData("POST", "/api/moderation/items/0123456789abcdef0123/reports/dismiss")]
    public async Task Moderator_api_routes_answer_401_without_a_key(string method, string path)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await HeldItems.AddModeratorAsync(hub, "Sam");

        var none = await client.SendAsync(HeldItems.Request(new HttpMethod(method), path, null));
        var wrong = await client.SendAsync(HeldItems.Request(new HttpMethod(method), path, "0123456789abcdef.not-the-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("no-store", none.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("GET", "/api/moderate/dashboard")]
    [InlineData("GET", "/api/moderate/export/events.csv")]
    [InlineData("GET", "/api/moderate/items/0123456789abcdef0123/reports")]
    [InlineData("POST", "/api/moderate/items/0123456789abcdef0123/reports")]
    public async Task Moderator_pages_send_a_visitor_without_a_session_to_sign_in(string method, string path)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Cookie", "coproweek-moderation=made-up-session");
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("formToken", "x")]);
        }
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("http://localhost/api/moderate", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Stats_count_a_known_set_of_live_events_stories_waiting_items_and_decision_times()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var a = await LiveItems.AddEventAsync(hub, LiveItems.Event("A", Monday, "london", "online", ["health", "housing"], paid: true, expenses: true, bsl: true), Sent);
        var b = await LiveItems.AddEventAsync(hub, LiveItems.Event("B", Monday.AddDays(1).AddHours(13.5), "wales", "in-person", ["health"], expenses: true, stepFree: true, bsl: true), Sent);
        var c = await LiveItems.AddEventAsync(hub, LiveItems.Event("C", Monday.AddDays(4), "london", "hybrid", ["research"]), Sent);
        await LiveItems.AddEventAsync(hub, LiveItems.Event("Withdrawn", Monday, "scotland", "online", ["housing"], paid: true), Sent, withdrawn: true);
        await LiveItems.AddStoryAsync(hub, "A story");
        await LiveItems.AddStoryAsync(hub, "Another story");
        await hub.Services.GetRequiredService<ReviewQueue>().AddAsync(new Submission
        {
            Id = SubmissionStore.NewId(), Kind = "post", Slug = "s", DetailsJson = "{}", ManageTokenHash = "h", ContactEmail = "x@example.org", Submitted = Sent,
        }, CancellationToken.None);
        // First decisions: a after 4 s (automatic), b after 2 h by a person (an automatic hold came first, at 2 s), c after 1 h by a person.
        await LiveItems.DecidedAsync(hub, a, ModerationLog.Auto, Sent.AddSeconds(4));
        await LiveItems.DecidedAsync(hub, b, ModerationLog.Auto, Sent.AddSeconds(2), "request-changes");
        await LiveItems.DecidedAsync(hub, b, "Sam", Sent.AddHours(2));
        await LiveItems.DecidedAsync(hub, c, "Sam", Sent.AddHours(1));
        await client.PostAsync("/api/reports", JsonBody(new { item = c, reason = "spam" }));

        var stats = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/stats", key)));

        static int[] Counts(JsonElement bars) => bars.EnumerateArray().Select(b => b.GetProperty("count").GetInt32()).ToArray();
        static int CountOf(JsonElement bars, string id) => bars.EnumerateArray().Single(b => b.GetProperty("id").GetString() == id).GetProperty("count").GetInt32();
        Assert.Equal(3, stats.GetProperty("liveEvents").GetInt32());
        Assert.Equal([1, 1, 0, 0, 1, 0, 0], Counts(stats.GetProperty("eventsByDay")));
        Assert.Equal(2, CountOf(stats.GetProperty("eventsByRegion"), "london"));
        Assert.Equal(1, CountOf(stats.GetProperty("eventsByRegion"), "wales"));
        Assert.Equal(0, CountOf(stats.GetProperty("eventsByRegion"), "scotland"));
        Assert.Equal([1, 1, 1], Counts(stats.GetProperty("eventsByFormat")));
        Assert.Equal(2, CountOf(stats.GetProperty("eventsByTopic"), "health"));
        Assert.Equal(1, CountOf(stats.GetProperty("eventsByTopic"), "housing"));
        Assert.Equal(2, CountOf(stats.GetProperty("eventsByAccessFeature"), "bsl"));
        Assert.Equal(1, CountOf(stats.GetProperty("eventsByAccessFeature"), "stepFree"));
        Assert.Equal(1, stats.GetProperty("participantsPaid").GetProperty("count").GetInt32());
        Assert.Equal(0.3333, stats.GetProperty("participantsPaid").GetProperty("share").GetDouble());
        Assert.Equal(0.6667, stats.GetProperty("expensesCovered").GetProperty("share").GetDouble());
        Assert.Equal(2, stats.GetProperty("storiesPublished").GetInt32());
        Assert.Equal(1, stats.GetProperty("itemsWaiting").GetInt32());
        Assert.Equal(1, stats.GetProperty("itemsReported").GetInt32());
        Assert.Equal(3, stats.GetProperty("decided").GetInt32());
        Assert.Equal(4, stats.GetProperty("medianSecondsToDecision").GetDouble()); // 2 s, 4 s, 1 h
        Assert.Equal(2, stats.GetProperty("decidedByAPerson").GetInt32());
        Assert.Equal(5400, stats.GetProperty("medianSecondsToPersonDecision").GetDouble()); // 1 h and 2 h
    }

    [Fact]
    public async Task The_dashboard_shows_each_chart_as_svg_with_its_numbers_in_a_table_beside_it()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        await LiveItems.AddEventAsync(hub, LiveItems.Event("A", Monday, "london", "online", paid: true), Sent);
        var cookie = await LiveItems.SignInAsync(client, key);

        var response = await LiveItems.SendAsync(client, HttpMethod.Get, "/api/moderate/dashboard", cookie);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
        var sections = page.QuerySelectorAll(".chart-section");
        Assert.Equal(5, sections.Length);
        Assert.All(sections, s =>
        {
            var svg = s.QuerySelector("svg[role=img]");
            Assert.NotNull(svg);
            Assert.NotNull(svg!.QuerySelector("title"));
            Assert.NotNull(s.QuerySelector("table th[scope=row]"));
        });
        var london = page.QuerySelectorAll("#by-region ~ div table tr").Single(r => r.QuerySelector("th")?.TextContent == "London");
        Assert.Equal("1", london.QuerySelector("td")?.TextContent);
        Assert.Contains("100%", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_events_csv_has_a_bom_parses_back_escapes_formulas_and_records_who_exported_it()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        var formula = await LiveItems.AddEventAsync(hub, LiveItems.Event("=HYPERLINK(\"https://evil.example\",\"Click\")", Monday,
            contactName: "@SUM(1+1)", contactEmail: "organiser@example.org") with { Summary = "+44 20 7946 0000", Description = "-2+3, \"quoted\"\r\nsecond line" }, Sent);
        var plain = await LiveItems.AddEventAsync(hub, LiveItems.Event("Tea, cake and co-production", Monday.AddDays(1)) with { Summary = "\tTabbed" }, Sent);
        await LiveItems.AddEventAsync(hub, LiveItems.Event("Withdrawn", Monday), Sent, withdrawn: true);

        var response = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/export/events.csv", key));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = new List<Dictionary<string, string?>>();
        using (var reader = CsvReader.Create(bytes))
        {
            foreach (var row in reader)
            {
                rows.Add(row.ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value?.ToString()));
            }
        }
        var log = await HeldItems.HistoryAsync(hub, CsvExport.LogPartition);
        var unknown = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/export/people.csv", key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
        var bad = rows.Single(r => r["Id"] == formula);
        Assert.Equal("'=HYPERLINK(\"https://evil.example\",\"Click\")", bad["Title"]);
        Assert.Equal("'@SUM(1+1)", bad["Contact name"]);
        Assert.Equal("'+44 20 7946 0000", bad["Summary"]);
        Assert.Equal("'-2+3, \"quoted\"\r\nsecond line", bad["Description"]);
        Assert.Equal("organiser@example.org", bad["Contact email"]);
        Assert.Equal("No", rows.Single(r => r["Id"] == plain)["Covers expenses"]);
        Assert.Equal("Tea, cake and co-production", rows.Single(r => r["Id"] == plain)["Title"]);
        Assert.Equal("'\tTabbed", rows.Single(r => r["Id"] == plain)["Summary"]);
        var entry = Assert.Single(log);
        Assert.Equal("Sam Moderator", entry.Who);
        Assert.Equal("export-events", entry.Decision);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_stories_csv_lists_live_stories_with_their_authors_address_and_the_dashboard_link_downloads_it()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var id = await LiveItems.AddStoryAsync(hub, "What we learned", "writer@example.org");
        var cookie = await LiveItems.SignInAsync(client, key);

        var response = await LiveItems.SendAsync(client, HttpMethod.Get, "/api/moderate/export/stories.csv", cookie);
        using var reader = CsvReader.Create(await response.Content.ReadAsByteArrayAsync());
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            rows.Add(row.ToArray()!);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var story = Assert.Single(rows);
        Assert.Equal(id, story[0]);
        Assert.Equal("What we learned", story[1]);
        Assert.Equal("writer@example.org", story[^1]);
    }

    private static StringContent JsonBody(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
