using System.Net;
using CoproWeek.Hub;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Moderation;

/// <summary>
/// A request that dies between writing a change and sending what must follow it: the delayed safety-net message
/// it sent first finishes the work, and one sent for a change that never happened does nothing.
/// </summary>
[LongRunning]
public sealed class CutOffTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_decision_leaves_its_safety_net_waiting_on_the_moderation_queue()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        var answer = await HeldItems.SubmitAsync(client, hub, "Designing the peer support service together");

        var approved = await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "approve");
        await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var waiting = (await hub.Storage.Queue(Triggers.Queues.Moderation).GetPropertiesAsync()).Value.ApproximateMessagesCount;

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(1, waiting); // invisible for a minute, then it finds the event live and does nothing
    }

    [Fact]
    public async Task An_approval_cut_off_after_its_write_is_logged_and_published_by_the_safety_net()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await HeldItems.SubmitAsync(client, hub, "A listening event on housing, planned by tenants");
        var held = await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);

        // What a moderator's request writes before it dies: the decision, and nothing after it.
        Assert.True(await Store(hub).TryReplaceAsync(held with { Status = SubmissionStatus.Approved, DecidedBy = "Sam Moderator", Updated = DateTimeOffset.UtcNow }, None));
        await hub.Services.GetRequiredService<ModerateSubmission>().HandleAsync(new SubmissionMessage(answer.Id, 1), None);

        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        Assert.Contains("A listening event on housing", await client.GetStringAsync(path));
        Assert.Contains(await HeldItems.HistoryAsync(hub, answer.Id), h => (h.Who, h.Decision, h.Version) == ("Sam Moderator", "approved", 1));
    }

    [Fact]
    public async Task A_rejection_cut_off_after_its_write_is_logged_and_emailed_once_however_often_the_safety_net_runs()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await HeldItems.SubmitAsync(client, hub, "Sharing power in a small charity");
        var held = await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);
        Assert.True(await Store(hub).TryReplaceAsync(held with
        {
            Status = SubmissionStatus.Rejected, DecidedBy = "Sam Moderator", Reason = "This is advertising, not a Co-production Week event.", Updated = DateTimeOffset.UtcNow,
        }, None));

        var safetyNet = hub.Services.GetRequiredService<ModerateSubmission>();
        await safetyNet.HandleAsync(new SubmissionMessage(answer.Id, 1), None);
        await safetyNet.HandleAsync(new SubmissionMessage(answer.Id, 1), None);

        var rejection = await Eventually.GetAsync(async () =>
            (await hub.Services.GetRequiredService<Outbox>().ListAsync(20, None)).SingleOrDefault(e => e.Text.Contains("This is advertising")), "the rejection email");
        Assert.Equal(SampleEvent.ContactEmail, rejection.To);
        Assert.Single(await HeldItems.HistoryAsync(hub, answer.Id), h => h.Decision == "rejected");
    }

    [Fact]
    public async Task A_withdrawal_cut_off_after_its_write_is_finished_and_a_take_down_for_one_that_never_happened_changes_nothing()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var publisher = hub.Services.GetRequiredService<PublishItem>();

        // The withdrawal request failed its write (say, the event changed under it): its take-down copy must not act.
        await publisher.HandleAsync(new PublishMessage(answer.Id, 2, Withdraw: true), None);
        var stillLive = await client.GetAsync(path);

        // The withdrawal request wrote and then died: its take-down copy finishes it.
        var live = await Store(hub).GetAsync(answer.Id, None);
        Assert.True(await Store(hub).TryReplaceAsync(live! with { Version = 2, Status = SubmissionStatus.Withdrawn, Updated = DateTimeOffset.UtcNow }, None));
        await publisher.HandleAsync(new PublishMessage(answer.Id, 2, Withdraw: true), None);

        Assert.Equal(HttpStatusCode.OK, stillLive.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Contains(await HeldItems.HistoryAsync(hub, answer.Id), h => (h.Who, h.Decision, h.Version) == ("organiser", "withdrawn", 2));
    }

    private static SubmissionStore Store(HubFactory hub) => hub.Services.GetRequiredService<SubmissionStore>();
}
