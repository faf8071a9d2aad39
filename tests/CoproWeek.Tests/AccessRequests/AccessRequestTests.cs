using System.Net;
using System.Net.Http.Json;
using CoproWeek.Hub;
using CoproWeek.Hub.AccessRequests;
using CoproWeek.Hub.Contacts;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CoproWeek.Tests.AccessRequests.AccessRequestFixtures;

namespace CoproWeek.Tests.AccessRequests;

[LongRunning]
public sealed class AccessRequestTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static Dictionary<string, string?> ThroughSendGrid(FakeSendGrid sendGrid, string? prefix = null, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.Url,
        };
        if (prefix is not null)
        {
            settings["Storage:Prefix"] = prefix;
        }
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static async Task<SampleEvent.Answer> LiveEventAsync(HttpClient client, HubFactory hub, string? title = null)
    {
        // Two events of one organiser with one title on one day would be held as likely duplicates.
        var answer = await SampleEvent.SubmitAsync(client, title is null ? null : SampleEvent.Json(title));
        await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        return answer;
    }

    [Fact]
    public async Task A_request_reaches_the_organiser_with_a_reply_to_the_person_gets_a_copy_and_nothing_of_it_is_kept()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var hub = new HubFactory(azurite, ThroughSendGrid(sendGrid));
        using var client = hub.CreateClient();
        var answer = await LiveEventAsync(client, hub);
        var marker = "m" + Guid.NewGuid().ToString("N")[..10];

        var response = await client.SendAsync(Post(answer.Id, Request(marker)));
        var emails = await Eventually.GetAsync(() => Task.FromResult(AccessEmails(sendGrid) is { Count: 2 } both ? both : null), "both access request emails");
        await hub.QueuesIdleAsync(Triggers.SendEmail);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var organiser = Assert.Single(emails, e => e.To == SampleEvent.ContactEmail);
        Assert.Equal(PersonEmail, organiser.ReplyTo);
        Assert.StartsWith("Access request for your event:", organiser.Subject);
        Assert.Contains("BSL interpretation", organiser.Content);
        Assert.Contains($"A carer's free place and a large-print agenda {marker}", organiser.Content);
        Assert.Contains($"Sam {marker}", organiser.Content);
        var copy = Assert.Single(emails, e => e.To == PersonEmail);
        Assert.DoesNotContain(marker, copy.Content); // neither their name nor their own words: confirmed is not proof it is theirs
        Assert.Contains("BSL interpretation", copy.Content);
        Assert.Contains("We have not checked that this address belongs to the person", organiser.Content);
        Assert.DoesNotContain(SampleEvent.ContactEmail, copy.Content);
        Assert.Null(copy.ReplyTo);
        // The search finds what is stored (the event), so finding nothing of the request means there is nothing.
        Assert.NotEmpty(await FindInStorageAsync(hub.Storage, "Co-producing mental health services in Leeds"));
        Assert.Empty(await FindInStorageAsync(hub.Storage, marker));
        Assert.Empty(await FindInStorageAsync(hub.Storage, PersonEmail));
        Assert.Equal(1, await hub.Services.GetRequiredService<AccessRequestCounts>().ForEventAsync(answer.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_sent()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        // Bad input counts towards the per-client limit like any other post; these cases are more than an hour's worth.
        await using var hub = new HubFactory(azurite, ThroughSendGrid(sendGrid, null, ("Limits:AccessRequestsPerHour", "0")));
        using var client = hub.CreateClient();
        var answer = await LiveEventAsync(client, hub);
        var cases = new (string Field, Action<System.Text.Json.Nodes.JsonObject> Change)[]
        {
            ("email", b => b.Remove("email")),                                         // email chosen, no address: no way to reply
            ("phone", b => { b["contactBy"] = "text-relay"; b.Remove("phone"); }),
            ("otherNeeds", b => b.Remove("otherNeeds")),                               // "something else" ticked, no words
            ("needs", b => { b["needs"] = new System.Text.Json.Nodes.JsonArray(); b.Remove("otherNeeds"); }),
            ("needs", b => b["needs"] = new System.Text.Json.Nodes.JsonArray("teleport")),
            ("otherNeeds", b => b["otherNeeds"] = new string('x', 1_001)),
            ("name", b => b["name"] = "Sam\u0007"),
            ("name", b => b["name"] = new string('n', 101)),
            ("contactBy", b => b["contactBy"] = "pigeon"),
            ("consent", b => b["consent"] = false),
            ("surprise", b => b["surprise"] = "field"),
        };

        foreach (var (field, change) in cases)
        {
            var body = Request("bad");
            change(body);
            var response = await client.SendAsync(Post(answer.Id, body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = Json(await response.Content.ReadAsStringAsync()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}, got {errors}");
        }
        await hub.QueuesIdleAsync(Triggers.SendEmail);

        Assert.Empty(AccessEmails(sendGrid));
        Assert.Equal(0, await hub.Services.GetRequiredService<AccessRequestCounts>().ForEventAsync(answer.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Requests_for_unknown_withdrawn_and_ended_events_are_refused_with_a_clear_problem()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var hub = new HubFactory(azurite, ThroughSendGrid(sendGrid), s => s.AddSingleton<TimeProvider>(clock));
        using var client = hub.CreateClient();
        var withdrawn = await LiveEventAsync(client, hub);
        var ended = await LiveEventAsync(client, hub, "Co-producing housing services in Leeds");
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(SampleEvent.WithToken(HttpMethod.Delete, $"/api/events/{withdrawn.Id}", SampleEvent.Token(withdrawn)))).StatusCode);
        clock.Advance(TimeSpan.FromDays(800)); // past the sample event's end, next July

        var unknown = await client.SendAsync(Post("00000000000000000000", Request("x")));
        var gone = await client.SendAsync(Post(withdrawn.Id, Request("x")));
        var over = await client.SendAsync(Post(ended.Id, Request("x")));
        var overForm = await client.GetAsync($"/api/events/{ended.Id}/access-requests");
        await hub.QueuesIdleAsync(Triggers.SendEmail);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("taken this event off the calendar", await gone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, over.StatusCode);
        Assert.Contains("This event has ended", await over.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, overForm.StatusCode);
        Assert.Contains("This event has ended", await overForm.Content.ReadAsStringAsync());
        Assert.Empty(AccessEmails(sendGrid));
    }

    [Fact]
    public async Task An_unconfirmed_organiser_is_never_sent_a_request_and_an_unconfirmed_person_gets_fixed_words_without_their_request()
    {
        var prefix = AzuriteFixture.NewPrefix();
        await using var sendGrid = await FakeSendGrid.StartAsync();
        // One host, without the confirmation step, makes the event live; a second host on the same storage requires it.
        await using var open = new HubFactory(azurite, ThroughSendGrid(sendGrid, prefix));
        using var openClient = open.CreateClient();
        var answer = await LiveEventAsync(openClient, open);
        await open.QueuesIdleAsync(Triggers.SendEmail);
        await using var strict = new HubFactory(azurite, ThroughSendGrid(sendGrid, prefix, ("Contacts:RequireConfirmation", "true")));
        using var client = strict.CreateClient();
        var marker = "m" + Guid.NewGuid().ToString("N")[..10];

        var refused = await client.SendAsync(Post(answer.Id, Request(marker)));
        await strict.Services.GetRequiredService<ContactAddresses>().MarkConfirmedByAddressAsync(SampleEvent.ContactEmail, CancellationToken.None);
        var accepted = await client.SendAsync(Post(answer.Id, Request(marker)));
        var emails = await Eventually.GetAsync(() => Task.FromResult(AccessEmails(sendGrid) is { Count: 2 } both ? both : null), "the request and the notice");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Contains(marker, Assert.Single(emails, e => e.To == SampleEvent.ContactEmail).Content);
        var notice = Assert.Single(emails, e => e.To == PersonEmail);
        Assert.DoesNotContain(marker, notice.Content);
        Assert.Contains("If this was not you", notice.Content);
    }

    [Fact]
    public async Task Each_event_has_a_daily_ceiling_each_client_an_hourly_limit_and_the_organiser_sees_only_the_count()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var hub = new HubFactory(azurite, ThroughSendGrid(sendGrid, null,
            ("AccessRequests:PerEventPerDay", "2"), ("Limits:AccessRequestsPerHour", "3")));
        using var client = hub.CreateClient();
        var answer = await LiveEventAsync(client, hub);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.SendAsync(Post(answer.Id, Request($"r{i}"), "203.0.113.7"))).StatusCode);
        }
        var overClient = await client.SendAsync(Post(answer.Id, Request("r3"), "203.0.113.7"));
        var overEvent = await client.SendAsync(Post(answer.Id, Request("r4"), "203.0.113.8"));
        // Two requests to the organiser, and one copy: the person's mailbox gets one a day.
        await Eventually.TrueAsync(() => Task.FromResult(AccessEmails(sendGrid).Count >= 3), "two requests' emails");
        await hub.QueuesIdleAsync(Triggers.SendEmail);
        var manage = await client.GetStringAsync(answer.ManageUrl.Replace("http://localhost", ""));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, overClient.StatusCode);
        Assert.Contains("from this connection", await overClient.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, overEvent.StatusCode);
        Assert.Contains("a lot of requests today", await overEvent.Content.ReadAsStringAsync());
        Assert.NotNull(overEvent.Headers.RetryAfter?.Delta);
        Assert.Equal(3, AccessEmails(sendGrid).Count);
        Assert.Contains("2 people have asked about access", manage);
        Assert.DoesNotContain("large-print", manage);
        var counts = hub.Services.GetRequiredService<AccessRequestCounts>();
        Assert.Equal(2, await counts.TotalAsync(CancellationToken.None));
        Assert.Equal(2, (await counts.ByEventAsync(CancellationToken.None))[answer.Id]);
    }

    [Fact]
    public async Task The_form_works_without_javascript_from_the_event_page_to_the_confirmation()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Limits:AccessRequestsPerHour"] = "0" });
        using var client = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answer = await SampleEvent.SubmitAsync(client);
        var page = await client.GetStringAsync(await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id));
        var formUrl = $"http://localhost/api/events/{answer.Id}/access-requests";

        var form = await client.GetAsync(formUrl);
        var wrong = await client.PostAsync(formUrl, new FormUrlEncodedContent([new("needs", "other"), new("contactBy", "email"), new("name", "Sam")]));
        var right = await client.PostAsync(formUrl, new FormUrlEncodedContent(
            [new("needs", "bsl"), new("needs", "quietSpace"), new("contactBy", "email"), new("name", "Sam"), new("email", PersonEmail), new("consent", "true")]));
        var sent = await client.GetAsync(right.Headers.Location);

        Assert.Contains($"href=\"{formUrl}\">Ask about access</a>", page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("no-store", form.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var again = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", again);
        Assert.Contains("href=\"#field-otherNeeds\"", again);
        Assert.Contains("href=\"#field-email\"", again);
        Assert.Contains("href=\"#field-consent\"", again);
        Assert.Contains("value=\"Sam\"", again);
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Your request has gone to the organiser", await sent.Content.ReadAsStringAsync());
    }
}
