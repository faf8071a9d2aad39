using CoproWeek.Hub.Email;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Moderation;

public sealed class EventsNeedAPersonTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task With_the_setting_on_a_clean_event_waits_for_a_person_and_the_form_and_receipt_say_so()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Moderation:EventsNeedAPerson"] = "true" });
        using var client = hub.CreateClient();

        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json("Co-producing the library's access plan"));
        var held = await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);
        var receipt = await ReceiptAsync(hub);
        var form = await Eventually.GetAsync(async () => await client.GetAsync("/submit-event/") is { IsSuccessStatusCode: true } found
            && await found.Content.ReadAsStringAsync() is { } page && page.Contains("reads every event") ? page : null, "the form");

        var thanks = await client.GetStringAsync("/submit-event/thanks/");

        Assert.Contains(held.Findings, f => f.Check == "person");
        Assert.Contains(ModerationPromise.Event(eventsNeedAPerson: true), receipt.Text);
        Assert.Contains(ModerationPromise.Event(eventsNeedAPerson: true), form);
        Assert.Contains(ModerationPromise.Event(eventsNeedAPerson: true), thanks);
        Assert.DoesNotContain(ModerationPromise.Event(eventsNeedAPerson: false), form);
        Assert.DoesNotContain("automatic checks", form);
    }

    [Fact]
    public async Task By_default_a_clean_event_goes_live_and_nothing_promises_that_a_person_read_it()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json("Co-producing the library's access plan"));
        await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var receipt = await ReceiptAsync(hub);
        var form = await client.GetStringAsync("/submit-event/");
        var thanks = await client.GetStringAsync("/submit-event/thanks/");

        Assert.Contains(ModerationPromise.Event(eventsNeedAPerson: false), receipt.Text);
        Assert.DoesNotContain("reads every event", receipt.Text);
        Assert.Contains(ModerationPromise.Event(eventsNeedAPerson: false), form);
        Assert.DoesNotContain(ModerationPromise.Event(eventsNeedAPerson: true), form);
        Assert.Contains(ModerationPromise.Event(eventsNeedAPerson: false), thanks);
    }

    private static Task<EmailMessage> ReceiptAsync(HubFactory hub) =>
        Eventually.GetAsync(async () =>
            (await hub.Services.GetRequiredService<Outbox>().ListAsync(20, CancellationToken.None)).FirstOrDefault(e => e.Subject.StartsWith("We have your event")),
            "the receipt");
}
