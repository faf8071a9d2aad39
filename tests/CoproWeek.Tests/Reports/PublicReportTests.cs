using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Moderation;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Moderation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Tests.Reports;

public sealed class PublicReportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2027, 7, 5, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task A_report_from_the_event_page_form_is_thanked_and_reaches_the_queue()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var answer = await SampleEvent.SubmitAsync(client);
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");

        var eventPage = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        var link = eventPage.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => a.TextContent.StartsWith("Report a problem", StringComparison.Ordinal));
        var formPage = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(link.Href).PathAndQuery));
        var form = formPage.QuerySelectorAll<IHtmlFormElement>("form").Single();
        var item = form.QuerySelector<IHtmlInputElement>("input[name=item]")!.Value;
        var sent = await client.PostAsync(new Uri(form.Action).PathAndQuery, new FormUrlEncodedContent(
            [new("item", item), new("reason", "wrong-details"), new("details", "The date is a week out."), new("email", "reader@example.org")]));
        var thanks = new HtmlParser().ParseDocument(await sent.Content.ReadAsStringAsync());
        var queue = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));

        Assert.Equal(answer.Id, item);
        Assert.Equal(5, form.QuerySelectorAll("input[type=radio][name=reason]").Length);
        Assert.All(form.QuerySelectorAll("input, textarea").Where(i => i.GetAttribute("type") != "hidden" && i.GetAttribute("type") != "radio"),
            i => Assert.NotNull(formPage.QuerySelector($"label[for={i.Id}]")));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("Thank you for your report", thanks.QuerySelector("h1")?.TextContent);
        Assert.Equal("no-store", sent.Headers.CacheControl?.ToString());
        var reported = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "report");
        Assert.Equal(answer.Id, reported.GetProperty("id").GetString());
        Assert.Equal(1, reported.GetProperty("reports").GetInt32());
    }

    [Fact]
    public async Task Reports_show_in_the_queue_with_their_count_and_reasons_until_a_moderator_dismisses_them_and_the_dismissal_is_logged()
    {
        var logs = new CapturedLogs();
        await using var hub = new HubFactory(azurite, services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("Peer support in Hull", Start), Start.AddDays(-20));

        var first = await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "spam", email = "first.reporter@example.org", details = "Selling things." });
        await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "spam" });
        await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "offensive" });
        var queue = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));
        var reports = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{id}/reports", key)));
        var dismissRequest = HeldItems.Request(HttpMethod.Post, $"/api/moderation/items/{id}/reports/dismiss", key);
        dismissRequest.Content = JsonContent.Create(new { reason = "Checked: a real event." });
        var dismissed = await client.SendAsync(dismissRequest);
        var after = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));
        var history = await HeldItems.HistoryAsync(hub, id);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var reported = queue.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("report", reported.GetProperty("kind").GetString());
        Assert.Equal(id, reported.GetProperty("id").GetString());
        Assert.Equal("event", reported.GetProperty("itemKind").GetString());
        Assert.Equal("Peer support in Hull", reported.GetProperty("title").GetString());
        Assert.Equal(3, reported.GetProperty("reports").GetInt32());
        Assert.Equal([("spam", 2), ("offensive", 1)],
            reported.GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("reason").GetString()!, r.GetProperty("count").GetInt32())).ToArray());
        Assert.Contains(reports.GetProperty("reports").EnumerateArray(), r => r.GetProperty("email").GetString() == "first.reporter@example.org"
            && r.GetProperty("details").GetString() == "Selling things.");
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal(3, (await HeldItems.JsonOf(dismissed)).GetProperty("dismissed").GetInt32());
        Assert.Empty(after.GetProperty("items").EnumerateArray());
        var entry = Assert.Single(history, h => h.Decision == ReportsModeration.Dismissed);
        Assert.Equal("Sam Moderator", entry.Who);
        Assert.Equal("Checked: a real event.", entry.Reason);
        Assert.DoesNotContain(logs.Records, r => r.Message.Contains("reporter@example.org", StringComparison.Ordinal) || r.Message.Contains("Selling things", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_moderator_dismisses_reports_from_the_page_and_the_queue_page_lists_them_before()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("Carers' breakfast", Start), Start.AddDays(-20));
        await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "not-coproduction", email = "someone@example.org" });
        var cookie = await LiveItems.SignInAsync(client, key);

        var queuePage = new HtmlParser().ParseDocument(await (await LiveItems.SendAsync(client, HttpMethod.Get, "/api/moderate", cookie)).Content.ReadAsStringAsync());
        var link = queuePage.QuerySelectorAll<IHtmlAnchorElement>(".reported a").Single();
        var reportsPage = new HtmlParser().ParseDocument(await (await LiveItems.SendAsync(client, HttpMethod.Get, new Uri(link.Href).PathAndQuery, cookie)).Content.ReadAsStringAsync());
        var form = reportsPage.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("[name=formToken]") is not null && f.Action.Contains("/reports", StringComparison.Ordinal));
        var token = form.QuerySelector<IHtmlInputElement>("[name=formToken]")!.Value;
        var forged = await LiveItems.SendAsync(client, HttpMethod.Post, new Uri(form.Action).PathAndQuery, cookie, content: new FormUrlEncodedContent([new("formToken", "forged")]));
        var stillOpen = (await hub.Services.GetRequiredService<ReportStore>().ForItemAsync(id, CancellationToken.None)).Count;
        var dismissed = await LiveItems.SendAsync(client, HttpMethod.Post, new Uri(form.Action).PathAndQuery, cookie, content: new FormUrlEncodedContent([new("formToken", token)]));
        var afterPage = await (await LiveItems.SendAsync(client, HttpMethod.Get, "/api/moderate", cookie)).Content.ReadAsStringAsync();

        Assert.Contains("Carers' breakfast", link.TextContent, StringComparison.Ordinal);
        Assert.Contains("not co-production", link.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("someone@example.org", reportsPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(1, stillOpen);
        Assert.Equal(HttpStatusCode.SeeOther, dismissed.StatusCode);
        Assert.DoesNotContain("Carers' breakfast", afterPage, StringComparison.Ordinal);
        Assert.Contains(await HeldItems.HistoryAsync(hub, id), h => h.Decision == ReportsModeration.Dismissed && h.Who == "Sam");
    }

    [Fact]
    public async Task Bad_reports_are_400_naming_each_field_and_only_live_items_can_be_reported()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("Live event", Start), Start.AddDays(-20));
        var withdrawn = await LiveItems.AddEventAsync(hub, LiveItems.Event("Withdrawn event", Start), Start.AddDays(-20), withdrawn: true);

        var bad = await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "boring", email = "not an email", details = new string('x', 2001), colour = "red" });
        var noReason = await client.PostAsJsonAsync("/api/reports", new { item = id });
        var notAnId = await client.PostAsJsonAsync("/api/reports", new { item = "../../etc", reason = "spam" });
        var unknown = await client.PostAsJsonAsync("/api/reports", new { item = "0123456789abcdef0123", reason = "spam" });
        var gone = await client.PostAsJsonAsync("/api/reports", new { item = withdrawn, reason = "spam" });
        var goneForm = await client.GetAsync($"/api/reports/new?item={withdrawn}");
        var formErrors = await client.PostAsync("/api/reports", new FormUrlEncodedContent([new("item", id), new("email", "nope")]));
        var formPage = new HtmlParser().ParseDocument(await formErrors.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await HeldItems.JsonOf(bad)).GetProperty("errors");
        Assert.Equal(["colour", "details", "email", "reason"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.True((await HeldItems.JsonOf(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
        Assert.True((await HeldItems.JsonOf(notAnId)).GetProperty("errors").TryGetProperty("item", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, goneForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, formErrors.StatusCode);
        Assert.Equal(["#field-reason", "#field-email"], formPage.QuerySelectorAll<IHtmlAnchorElement>(".error-summary a").Select(a => a.GetAttribute("href")!).ToArray());
        Assert.Equal("nope", formPage.QuerySelector<IHtmlInputElement>("#field-email")!.Value);
        Assert.Empty(await hub.Services.GetRequiredService<ReportStore>().OpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reports_are_limited_per_client_with_429_and_retry_after_as_json_and_on_the_form()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Limits:ReportsPerHour"] = "2" });
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("Popular event", Start), Start.AddDays(-20));

        var allowed = new[]
        {
            await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "spam" }),
            await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "spam" }),
        };
        var json = await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "spam" });
        var form = await client.PostAsync("/api/reports", new FormUrlEncodedContent([new("item", id), new("reason", "spam"), new("details", "Kept on the page.")]));
        var formPage = await form.Content.ReadAsStringAsync();

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
        Assert.NotNull(json.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Contains("Kept on the page.", formPage, StringComparison.Ordinal);
        Assert.Equal(2, (await hub.Services.GetRequiredService<ReportStore>().ForItemAsync(id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Clearing_an_items_reports_as_a_take_down_does_removes_them_from_the_queue()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("To be taken down", Start), Start.AddDays(-20));
        var other = await LiveItems.AddEventAsync(hub, LiveItems.Event("Stays reported", Start), Start.AddDays(-20));
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "offensive" });
        }
        await client.PostAsJsonAsync("/api/reports", new { item = other, reason = "spam" });

        var cleared = await hub.Services.GetRequiredService<ReportStore>().ClearAsync(id, CancellationToken.None);
        var queue = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));

        Assert.Equal(3, cleared);
        Assert.Equal([other], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray());
    }

    [Fact]
    public async Task Reports_are_counted_and_filtered_in_the_queue_and_taking_the_item_down_closes_them()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        var id = await LiveItems.AddEventAsync(hub, LiveItems.Event("Coffee and conversation in Leeds", Start), Start.AddDays(-20));
        await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "spam" });
        await client.PostAsJsonAsync("/api/reports", new { item = id, reason = "not-coproduction" });

        var onlyReports = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue?kind=report", key)));
        var onlyEvents = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue?kind=event", key)));
        var item = await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{id}", key));
        var takenDown = await Moderation.TakeDownTests.TakeDownAsync(client, key, id, item.Headers.ETag!.Tag, "Not a co-production event.");
        var after = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));

        Assert.Equal(1, onlyReports.GetProperty("counts").GetProperty("report").GetInt32());
        Assert.Equal([id], onlyReports.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray());
        Assert.Empty(onlyEvents.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, takenDown.StatusCode);
        Assert.Empty(after.GetProperty("items").EnumerateArray());
        Assert.Equal(0, after.GetProperty("counts").GetProperty("report").GetInt32());
        Assert.Empty(await hub.Services.GetRequiredService<ReportStore>().OpenAsync(CancellationToken.None));
    }
}
