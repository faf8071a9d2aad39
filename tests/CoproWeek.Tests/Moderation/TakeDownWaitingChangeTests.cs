using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Moderation;

/// <summary>Take-downs and restores of items whose row holds a change that is not on the site, and what moderators read of them.</summary>
public sealed class TakeDownWaitingChangeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string NewAddress = "new.organiser@example.org";
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_live_event_whose_edit_waits_for_a_new_address_can_be_taken_down_and_the_clean_up_keeps_its_row_while_it_is_live()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Contacts:RequireConfirmation"] = "true" },
            s => s.AddSingleton<TimeProvider>(_clock));
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        await hub.Services.GetRequiredService<ContactAddresses>().MarkConfirmedByAddressAsync(SampleEvent.ContactEmail, CancellationToken.None);
        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json("Peer support walk"));
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var body = SampleEvent.Json("Peer support walk, new organiser");
        body["contact"]!["email"] = NewAddress;
        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", SampleEvent.Token(answer));
        edit.Headers.IfMatch.ParseAdd("\"v1\"");
        edit.Content = JsonContent.Create(body);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(edit)).StatusCode);
        await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.AwaitingConfirmation, version: 2);

        var item = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{answer.Id}", key)));
        _clock.Advance(TimeSpan.FromDays(8));
        var removed = await hub.Services.GetRequiredService<UnconfirmedSubmissions>().SweepAsync(_clock.GetUtcNow(), CancellationToken.None);
        var row = await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(answer.Id, CancellationToken.None);
        var pageAfterSweep = await client.GetAsync(path);
        var takenDown = await TakeDownTests.TakeDownAsync(client, key, answer.Id, "\"v2\"", "The venue closed.");
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.Gone, "the page to answer 410");
        await hub.QueuesIdleAsync(Hub.Triggers.PublishItem, Hub.Triggers.SendEmail);
        var sent = await hub.Services.GetRequiredService<Outbox>().ListAsync(50, CancellationToken.None);

        Assert.Contains("take-down", item.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(0, removed);
        Assert.NotNull(row);
        Assert.Equal(HttpStatusCode.OK, pageAfterSweep.StatusCode);
        Assert.Equal(HttpStatusCode.OK, takenDown.StatusCode);
        Assert.DoesNotContain(sent, e => e.To == NewAddress && e.Subject.StartsWith("The campaign team took down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restoring_an_item_taken_down_with_a_change_nobody_reviewed_puts_it_back_in_the_queue_not_on_the_site()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json("Carers' lunch"));
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", SampleEvent.Token(answer));
        edit.Headers.IfMatch.ParseAdd("\"v1\"");
        edit.Content = JsonContent.Create(HeldItems.Json("Carers' lunch, with links nobody checked"));
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(edit)).StatusCode);
        await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held, version: 2);
        var takenDown = await TakeDownTests.TakeDownAsync(client, key, answer.Id, "\"v2\"", "Complaint from the venue.");
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.Gone, "the page to answer 410");

        var restored = await TakeDownTests.ActAsync(client, key, $"/api/moderation/items/{answer.Id}/restore", takenDown.Headers.ETag!.Tag);
        await hub.QueuesIdleAsync(Hub.Triggers.PublishItem, Hub.Triggers.RebuildIndexes);
        var row = await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(answer.Id, CancellationToken.None);
        var page = await client.GetAsync(path);
        var queue = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));
        var answered = await HeldItems.JsonOf(restored);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(SubmissionStatus.Held, row!.Status);
        Assert.Equal(4, row.Version);
        Assert.Equal(TakeDownItem.RestoredForReview, answered.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == answer.Id);
    }

    [Fact]
    public async Task A_stories_fields_name_its_co_authors_roles_first_link_and_kind_so_a_swapped_link_shows_as_a_change()
    {
        await using var hub = new HubFactory(azurite);
        var fields = hub.Services.GetRequiredService<ItemFields>();
        var details = new PostDetails
        {
            Title = "What we learned",
            AuthorName = "Ada Able",
            AuthorRole = "Peer researcher",
            AuthorEmail = "ada@example.org",
            Authors = [new Byline("Ada Able", "Peer researcher"), new Byline("Ben Baker", "Commissioner", "Leeds Council")],
            OriginalUrl = "https://example.org/first",
            Kind = StoryKinds.All[^1].Id,
            BodyBlob = "posts/none/v1/body.md",
        };
        var before = await fields.OfAsync(Story(details), CancellationToken.None);
        var after = await fields.OfAsync(Story(details with { OriginalUrl = "https://elsewhere.example/copy" }), CancellationToken.None);

        var changes = ItemFields.Changes(before, after);

        Assert.Contains(before, f => f is { Name: "authors[1].name", Label: "Co-author 1: name", Value: "Ben Baker" });
        Assert.Contains(before, f => f is { Name: "authors[1].role", Label: "Co-author 1: role", Value: "Commissioner" });
        Assert.Contains(before, f => f is { Name: "authors[1].organisation", Label: "Co-author 1: organisation or group", Value: "Leeds Council" });
        Assert.Contains(before, f => f is { Name: "authorRole", Label: "Your role", Value: "Peer researcher" });
        Assert.Contains(before, f => f is { Name: "kind", Label: "Kind of story" } && f.Value == StoryKinds.All[^1].Name);
        var change = Assert.Single(changes);
        Assert.Equal(new FieldChange("Where it first appeared", "https://example.org/first", "https://elsewhere.example/copy"), change);
    }

    [Fact]
    public async Task A_held_supporter_can_only_be_approved_or_rejected_and_a_taken_down_one_is_told_so_on_its_manage_page_without_a_withdraw_form()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var sent = await client.PostAsJsonAsync("/api/supporters", Stories.SupporterTests.Json("Pretend Partners"));
        var pledge = (await sent.Content.ReadFromJsonAsync<SampleEvent.Answer>())!;
        await HeldItems.WaitForStatusAsync(hub, pledge.Id, SubmissionStatus.Held);

        var item = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{pledge.Id}", key)));
        var sendBack = await HeldItems.DecideAsync(client, key, pledge.Id, "\"v1\"", "request-changes", "Add a statement.");
        var approved = await HeldItems.DecideAsync(client, key, pledge.Id, "\"v1\"", "approve");
        // The list page is written by the publisher after the approval; until then it may not exist at all.
        await Eventually.TrueAsync(async () =>
        {
            using var list = await client.GetAsync("/supporters/");
            return list.IsSuccessStatusCode && (await list.Content.ReadAsStringAsync()).Contains("Pretend Partners");
        }, "the supporter to be listed");
        await HeldItems.WaitForStatusAsync(hub, pledge.Id, SubmissionStatus.Live);
        var takenDown = await TakeDownTests.TakeDownAsync(client, key, pledge.Id, "\"v1\"", "Not a real organisation.");
        var manage = await client.GetStringAsync(pledge.ManageUrl);

        Assert.Equal(["approve", "reject"], item.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, sendBack.StatusCode);
        Assert.Contains("cannot change their pledge", await sendBack.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, takenDown.StatusCode);
        Assert.Contains("The campaign team took your organisation off the supporters page.", manage);
        Assert.Contains("Not a real organisation.", manage);
        Assert.DoesNotContain("Withdraw our pledge", manage);
    }

    [Fact]
    public async Task The_clean_up_of_an_unconfirmed_submission_removes_the_versions_kept_of_it()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Contacts:RequireConfirmation"] = "true" },
            s => s.AddSingleton<TimeProvider>(_clock));
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        var row = (await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(answer.Id, CancellationToken.None))!;
        await hub.Services.GetRequiredService<ItemFields>().KeepVersionAsync(row, CancellationToken.None);
        var keptBefore = await KeptAsync(hub, answer.Id);
        _clock.Advance(TimeSpan.FromDays(8));

        var removed = await hub.Services.GetRequiredService<UnconfirmedSubmissions>().SweepAsync(_clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, keptBefore);
        Assert.Equal(1, removed);
        Assert.Equal(0, await KeptAsync(hub, answer.Id));
    }

    private static async Task<int> KeptAsync(HubFactory hub, string id)
    {
        var count = 0;
        await foreach (var _ in hub.Storage.Container(HubStorage.ContainerNames.Submissions).GetBlobsAsync(BlobTraits.None, BlobStates.None, $"versions/{id}/", CancellationToken.None))
        {
            count++;
        }
        return count;
    }

    private static Submission Story(PostDetails details) => new()
    {
        Id = "story-fields",
        Kind = SubmitPost.Kind,
        Slug = "what-we-learned",
        DetailsJson = HubJson.Serialize(details),
        ManageTokenHash = "",
        ContactEmail = details.AuthorEmail,
    };
}
