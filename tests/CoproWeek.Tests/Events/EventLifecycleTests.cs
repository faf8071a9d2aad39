using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoproWeek.Hub;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Events;

[LongRunning]
public sealed class EventLifecycleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_clean_event_is_accepted_receipted_and_live_on_the_site_within_seconds()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/events", SampleEvent.Json());
        var answer = (await response.Content.ReadFromJsonAsync<SampleEvent.Answer>())!;
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/events/{answer.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("received", answer.Status);
        Assert.Contains("Co-producing mental health services in Leeds", await client.GetStringAsync(path));
        var emails = await Eventually.GetAsync(async () =>
        {
            var all = await hub.Services.GetRequiredService<Hub.Email.Outbox>().ListAsync(10, CancellationToken.None);
            return all.Count >= 2 ? all : null;
        }, "the receipt and the live email");
        Assert.Contains(emails, e => e.Subject.StartsWith("We have your event") && e.Text.Contains(answer.ManageUrl));
        Assert.Contains(emails, e => e.Subject.StartsWith("Your event is live"));
        Assert.All(emails, e => Assert.Equal(SampleEvent.ContactEmail, e.To));
    }

    [Fact]
    public async Task The_receipt_link_rides_on_the_moderation_message_and_the_receipt_goes_out_even_when_that_moderation_is_stale()
    {
        // Moderation switched off, so the new event's one message waits on its queue for the test to hand over.
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { [$"AzureWebJobs.{Triggers.ModerateSubmission}.Disabled"] = "true" });
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        var waiting = Assert.Single((await hub.Storage.Queue(Triggers.Queues.Moderation).ReceiveMessagesAsync(32)).Value);
        var message = HubJson.Deserialize<Hub.Submissions.SubmissionMessage>(waiting.Body);
        // The organiser edits before any check has run, so the first message is stale when it is handled.
        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", SampleEvent.Token(answer));
        edit.Content = JsonContent.Create(SampleEvent.Json(title: "Co-producing mental health services in Leeds, again"));
        edit.Headers.IfMatch.ParseAdd("\"v1\"");
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(edit)).StatusCode);

        await hub.Services.GetRequiredService<Hub.Moderation.ModerateSubmission>().HandleAsync(message, CancellationToken.None);

        Assert.Equal((answer.Id, 1, answer.ManageUrl), (message.Id, message.Version, message.ReceiptManageUrl));
        var receipt = await Eventually.GetAsync(async () =>
            (await hub.Services.GetRequiredService<Hub.Email.Outbox>().ListAsync(10, CancellationToken.None)).SingleOrDefault(), "the receipt in the outbox");
        Assert.StartsWith("We have your event", receipt.Subject);
        Assert.Contains(answer.ManageUrl, receipt.Text);
        Assert.Equal(SampleEvent.ContactEmail, receipt.To);
    }

    [Fact]
    public async Task The_manage_link_shows_the_listing_and_a_wrong_or_missing_token_is_a_404()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);

        var mine = await Eventually.GetAsync(async () =>
        {
            var response = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{answer.Id}", SampleEvent.Token(answer)));
            return (await response.Content.ReadAsStringAsync()).Contains("\"status\":\"live\"") ? response : null;
        }, "the listing to show as live");
        var wrong = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{answer.Id}", "not-the-token"));
        var none = await client.GetAsync($"/api/events/{answer.Id}");
        var byQuery = await client.GetAsync($"/api/events/{answer.Id}?token={Uri.EscapeDataString(SampleEvent.Token(answer))}");
        var probe = await client.GetAsync("/api/events/00000000000000000000?token=x");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var view = JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("live", view.GetProperty("status").GetString());
        Assert.Equal("\"v1\"", mine.Headers.ETag?.Tag);
        Assert.Contains(view.GetProperty("moderation").EnumerateArray(), m => m.GetProperty("decision").GetString() == "approved");
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
    }

    [Fact]
    public async Task An_edit_needs_if_match_goes_through_moderation_again_and_replaces_the_live_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        var token = SampleEvent.Token(answer);
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var edited = SampleEvent.Json(title: "Co-producing mental health services in Leeds and Bradford");

        var noIfMatch = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", token);
        noIfMatch.Content = JsonContent.Create(edited);
        var stale = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", token);
        stale.Content = JsonContent.Create(edited);
        stale.Headers.IfMatch.ParseAdd("\"v7\"");
        var good = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", token);
        good.Content = JsonContent.Create(edited);
        good.Headers.IfMatch.ParseAdd("\"v1\"");
        var wrongToken = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", "nope");
        wrongToken.Content = JsonContent.Create(edited);
        wrongToken.Headers.IfMatch.ParseAdd("\"v1\"");

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(wrongToken)).StatusCode);
        Assert.Equal((HttpStatusCode)428, (await client.SendAsync(noIfMatch)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        var accepted = await client.SendAsync(good);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("\"v2\"", accepted.Headers.ETag?.Tag);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync(path)).Contains("Leeds and Bradford"), "the edited page to replace the old one");
    }

    [Fact]
    public async Task A_withdrawn_event_leaves_the_site_and_a_late_publish_message_does_not_bring_it_back()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);

        var withdraw = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Delete, $"/api/events/{answer.Id}", SampleEvent.Token(answer)));
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, "the page to be gone");
        await Eventually.TrueAsync(async () =>
        {
            var list = await client.GetAsync("/events/");
            return list.IsSuccessStatusCode && !(await list.Content.ReadAsStringAsync()).Contains(path);
        }, "the event to leave the list");
        await hub.Services.GetRequiredService<QueueSender>().SendAsync(Triggers.Queues.Publish, new PublishMessage(answer.Id, 1), CancellationToken.None);
        await hub.QueuesIdleAsync(Triggers.PublishItem);

        Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", SampleEvent.Token(answer));
        edit.Content = JsonContent.Create(SampleEvent.Json());
        edit.Headers.IfMatch.ParseAdd("*");
        Assert.Equal(HttpStatusCode.Conflict, (await client.SendAsync(edit)).StatusCode);
    }

    [Fact]
    public async Task A_redelivered_publish_message_changes_nothing()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var blob = hub.Storage.Site.GetBlobClient(path.Trim('/') + "/index.html");
        var before = (await blob.GetPropertiesAsync()).Value.ETag;

        await hub.Services.GetRequiredService<PublishItem>().HandleAsync(new PublishMessage(answer.Id, 1), CancellationToken.None);

        Assert.Equal(before, (await blob.GetPropertiesAsync()).Value.ETag);
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_gets_the_first_answer_and_lists_once()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        async Task<HttpResponseMessage> Post(System.Text.Json.Nodes.JsonObject body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "retry-me-123");
            return await client.SendAsync(request);
        }

        var first = await Post(SampleEvent.Json());
        var second = await Post(SampleEvent.Json());
        var different = await Post(SampleEvent.Json(title: "Another event"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        // The replay names the same item but leaves the manage link out: only the first answer holds it.
        var (firstAnswer, replay) = (JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement, JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement);
        Assert.Equal(firstAnswer.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.True(firstAnswer.TryGetProperty("manageUrl", out _));
        Assert.False(replay.TryGetProperty("manageUrl", out _));
        Assert.True(replay.GetProperty("manageUrlEmailed").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        var rows = hub.Storage.Table("Submissions").QueryAsync<Azure.Data.Tables.TableEntity>();
        var count = 0;
        await foreach (var row in rows)
        {
            count += row.PartitionKey == row.RowKey ? 1 : 0; // a submission's own row, not a review-queue or duplicate-index row
        }
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_like_any_other_and_then_discarded()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var body = SampleEvent.Json();
        body["website"] = "http://spam.example";

        var answer = await SampleEvent.SubmitAsync(client, body);
        var status = await Eventually.GetAsync(async () =>
        {
            var row = await hub.Storage.Table("Submissions").GetEntityAsync<Azure.Data.Tables.TableEntity>(answer.Id, answer.Id);
            return row.Value.GetString("Status") == "Discarded" ? "discarded" : null;
        }, "the submission to be discarded");
        await hub.QueuesIdleAsync(Triggers.ModerateSubmission, Triggers.PublishItem, Triggers.SendEmail);

        Assert.Equal("received", answer.Status);
        Assert.Equal("discarded", status);
        Assert.Empty(await hub.Services.GetRequiredService<Hub.Email.Outbox>().ListAsync(10, CancellationToken.None));
        Assert.False((await hub.Storage.Table("SiteIndex").GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("event", answer.Id)).HasValue);
    }

    [Fact]
    public async Task A_likely_duplicate_is_held_for_a_person_with_the_reason()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var first = await SampleEvent.SubmitAsync(client);
        await SampleEvent.WaitUntilLiveAsync(client, hub, first.Id);
        var twin = SampleEvent.Json(title: "  CO-PRODUCING mental health services in Leeds! ");

        var second = await SampleEvent.SubmitAsync(client, twin);
        var view = await Eventually.GetAsync(async () =>
        {
            var response = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{second.Id}", SampleEvent.Token(second)));
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return json.GetProperty("status").GetString() == "held" ? json : (JsonElement?)null;
        }, "the twin to be held");

        // The email goes by the email queue, so it may land a moment after the status changes.
        await Eventually.TrueAsync(async () => (await hub.Services.GetRequiredService<Hub.Email.Outbox>().ListAsync(10, CancellationToken.None))
            .Any(e => e.Subject.StartsWith("A person will check your event")), "the held email");

        Assert.Contains("same title on the same day", view!.Value.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_form_post_is_answered_with_a_redirect_to_the_thank_you_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var start = new DateTime(DateTime.UtcNow.Year + 1, 7, 6, 14, 0, 0);
        var form = new FormUrlEncodedContent(new[]
        {
            KeyValuePair.Create("title", "Carers' coffee morning"),
            KeyValuePair.Create("summary", "Tea, cake and a chat about what carers want from services."),
            KeyValuePair.Create("description", "Come along."),
            KeyValuePair.Create("organiser.name", "Carers Together"),
            KeyValuePair.Create("contact.name", "Sam"),
            KeyValuePair.Create("contact.email", "sam@example.org"),
            KeyValuePair.Create("start", start.ToString("yyyy-MM-dd'T'HH:mm")),
            KeyValuePair.Create("end", start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm")),
            KeyValuePair.Create("format", "online"),
            KeyValuePair.Create("region", "wales"),
            KeyValuePair.Create("topics", "social-care"),
            KeyValuePair.Create("topics", "health"),
            KeyValuePair.Create("access.captions", "true"),
            KeyValuePair.Create("website", ""),
        });

        var response = await client.PostAsync("/api/events", form);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith("/submit-event/thanks/", response.Headers.Location?.ToString());
    }
}
