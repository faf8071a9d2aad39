using System.Net;
using System.Net.Http.Json;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Moderation;

public sealed class ModerationDecisionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Approving_a_held_event_puts_it_live_and_the_log_holds_every_step()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        var answer = await HeldItems.SubmitAsync(client, hub, "Planning the carers' festival together");

        var noIfMatch = await HeldItems.DecideAsync(client, key, answer.Id, null, "approve");
        var approved = await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "approve");
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var queue = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));
        var history = await HeldItems.HistoryAsync(hub, answer.Id);

        Assert.Equal((HttpStatusCode)428, noIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await HeldItems.JsonOf(approved)).GetProperty("status").GetString());
        Assert.Contains("Planning the carers", await client.GetStringAsync(path));
        Assert.Empty(queue.GetProperty("items").EnumerateArray());
        Assert.Collection(history,
            h => Assert.Equal(("auto", "held", 1), (h.Who, h.Decision, h.Version)),
            h => Assert.Equal(("Sam Moderator", "approved", 1), (h.Who, h.Decision, h.Version)));
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_the_organiser_is_sent()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var answer = await HeldItems.SubmitAsync(client, hub, "Buy cheap followers workshop");

        var noReason = await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "reject", "  ");
        var unknown = await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "maybe");
        var rejected = await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "reject", "This is advertising, not a co-production event.");
        var again = await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "approve");
        var item = await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(answer.Id, CancellationToken.None);
        var email = await Eventually.GetAsync(async () =>
            (await hub.Services.GetRequiredService<Outbox>().ListAsync(20, CancellationToken.None)).FirstOrDefault(e => e.Subject.StartsWith("Your event was not published")),
            "the rejection email");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await HeldItems.JsonOf(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True((await HeldItems.JsonOf(unknown)).GetProperty("errors").TryGetProperty("decision", out _));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(SubmissionStatus.Rejected, item!.Status);
        Assert.Equal("This is advertising, not a co-production event.", item.Reason);
        Assert.Equal(SampleEvent.ContactEmail, email.To);
        Assert.Contains("This is advertising, not a co-production event.", email.Text);
        Assert.Contains(await HeldItems.HistoryAsync(hub, answer.Id), h => h is { Who: "Sam", Decision: "rejected", Reason: "This is advertising, not a co-production event." });
    }

    [Fact]
    public async Task Asking_for_changes_lets_the_organiser_edit_and_the_new_version_goes_through_moderation_again()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var answer = await HeldItems.SubmitAsync(client, hub, "Peer support open day");
        var token = SampleEvent.Token(answer);

        var asked = await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "request-changes", "Please say whether the venue is step-free.");
        var email = await Eventually.GetAsync(async () =>
            (await hub.Services.GetRequiredService<Outbox>().ListAsync(20, CancellationToken.None)).FirstOrDefault(e => e.Subject.StartsWith("Please change your event")),
            "the changes email");
        var organiserView = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{answer.Id}", token));
        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", token);
        edit.Headers.IfMatch.ParseAdd(organiserView.Headers.ETag!.Tag);
        edit.Content = JsonContent.Create(HeldItems.Json("Peer support open day (step-free)"));
        var edited = await client.SendAsync(edit);
        await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held, version: 2);
        var queue = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));
        var stale = await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "approve");
        var approved = await HeldItems.DecideAsync(client, key, answer.Id, "\"v2\"", "approve");
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Please say whether the venue is step-free.", email.Text);
        Assert.Contains("\"status\":\"changes-requested\"", await organiserView.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, edited.StatusCode);
        var listed = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal(2, listed.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("Peer support open day (step-free)", await client.GetStringAsync(path));
        Assert.Equal(
            ["v1 auto held", "v1 Sam changes-requested", "v2 auto held", "v2 Sam approved"],
            (await HeldItems.HistoryAsync(hub, answer.Id)).Select(h => $"v{h.Version} {h.Who} {h.Decision}"));
    }

    [Fact]
    public async Task When_two_moderators_decide_at_once_exactly_one_wins_and_the_other_is_told()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var ali = await HeldItems.AddModeratorAsync(hub, "Ali");
        var bea = await HeldItems.AddModeratorAsync(hub, "Bea");
        var answer = await HeldItems.SubmitAsync(client, hub, "Co-designing the dementia café");

        var responses = await Task.WhenAll(
            HeldItems.DecideAsync(client, ali, answer.Id, "\"v1\"", "approve"),
            HeldItems.DecideAsync(client, bea, answer.Id, "\"v1\"", "reject", "Not an event."));
        var human = (await HeldItems.HistoryAsync(hub, answer.Id)).Where(h => h.Who != "auto").ToList();
        var item = await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(answer.Id, CancellationToken.None);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed);
        var winner = Assert.Single(human);
        Assert.Equal(winner.Decision == "approved" ? "Ali" : "Bea", winner.Who);
        Assert.Contains(item!.Status, new[] { SubmissionStatus.Approved, SubmissionStatus.Live, SubmissionStatus.Rejected });
    }
}
