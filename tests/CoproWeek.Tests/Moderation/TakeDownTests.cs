using System.Net;
using System.Net.Http.Json;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Moderation;

public sealed class TakeDownTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] SharedFiles = ["/events/", "/events/events.json", "/events/calendar.ics", "/sitemap.xml", "/feed.xml", "/atom.xml", "/"];

    [Fact]
    public async Task A_taken_down_event_leaves_every_list_feed_and_calendar_its_page_answers_410_and_a_restore_brings_it_back_at_a_new_version()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json("Listening lunch with the peer network"));
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var before = await Eventually.GetAsync(async () => await ReadSharedAsync(client) is var files
            && files.Where(f => f.Key != "/sitemap.xml").All(f => f.Value.Contains("Listening lunch", StringComparison.Ordinal)) ? files : null, "the shared files to list it");
        var item = await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{answer.Id}", key));
        var etag = item.Headers.ETag!.Tag;

        var anonymous = await TakeDownAsync(client, null, answer.Id, etag, "Spam.");
        var noIfMatch = await TakeDownAsync(client, key, answer.Id, null, "Spam.");
        var stale = await TakeDownAsync(client, key, answer.Id, "\"v0\"", "Spam.");
        var noReason = await TakeDownAsync(client, key, answer.Id, etag, " ");
        var restoreLive = await ActAsync(client, key, $"/api/moderation/items/{answer.Id}/restore", etag);
        var takenDown = await TakeDownAsync(client, key, answer.Id, etag, "This listing is advertising, not a co-production event.");
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.Gone, "the page to answer 410");
        await hub.QueuesIdleAsync(Hub.Triggers.PublishItem, Hub.Triggers.RebuildIndexes);
        await Eventually.TrueAsync(async () => await ReadSharedAsync(client) is var files
            && !files.Values.Any(t => t.Contains("Listening lunch", StringComparison.Ordinal)) && !files["/sitemap.xml"].Contains(path, StringComparison.Ordinal), "the shared files to drop it");
        var gone = await client.GetAsync(path);
        var email = await Eventually.GetAsync(async () =>
            (await hub.Services.GetRequiredService<Outbox>().ListAsync(50, CancellationToken.None)).FirstOrDefault(e => e.Subject.StartsWith("The campaign team took down your event")),
            "the take-down email");
        var twice = await TakeDownAsync(client, key, answer.Id, takenDown.Headers.ETag!.Tag, "Again.");

        var restored = await ActAsync(client, key, $"/api/moderation/items/{answer.Id}/restore", takenDown.Headers.ETag!.Tag);
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.OK, "the page to come back");
        await hub.QueuesIdleAsync(Hub.Triggers.PublishItem, Hub.Triggers.RebuildIndexes);
        await Eventually.TrueAsync(async () => (await ReadSharedAsync(client)).Where(f => f.Key != "/sitemap.xml").All(t => t.Value.Contains("Listening lunch", StringComparison.Ordinal)),
            "the shared files to list it again");
        var live = await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Live);
        var history = await HeldItems.HistoryAsync(hub, answer.Id);

        Assert.All(before.Where(f => f.Key != "/sitemap.xml"), f => Assert.Contains("Listening lunch", f.Value));
        Assert.Contains(path, before["/sitemap.xml"]);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal((HttpStatusCode)428, noIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, restoreLive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, takenDown.StatusCode);
        Assert.Equal("taken-down", (await HeldItems.JsonOf(takenDown)).GetProperty("status").GetString());
        Assert.Contains("has been taken down", await gone.Content.ReadAsStringAsync());
        Assert.Equal(SampleEvent.ContactEmail, email.To);
        Assert.Contains("This listing is advertising, not a co-production event.", email.Text);
        Assert.Contains("you did not withdraw it", email.Text);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(3, live.Version);
        Assert.Contains(path, (await client.GetStringAsync("/sitemap.xml")));
        Assert.Contains(history, h => h is { Who: "Sam Moderator", Decision: "taken-down", Version: 2, Reason: "This listing is advertising, not a co-production event." });
        Assert.Contains(history, h => h is { Who: "Sam Moderator", Decision: "restored", Version: 3 });
        Assert.DoesNotContain(history, h => h.Decision == "withdrawn");
    }

    [Fact]
    public async Task An_organiser_cannot_edit_a_taken_down_event_back_onto_the_site()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json("Open forum on day services"));
        await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var taken = await TakeDownAsync(client, key, answer.Id, "\"v1\"", "Wrong details.");

        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", SampleEvent.Token(answer));
        edit.Headers.IfMatch.ParseAdd(taken.Headers.ETag!.Tag);
        edit.Content = JsonContent.Create(SampleEvent.Json("Open forum on day services (again)"));
        var edited = await client.SendAsync(edit);
        var view = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{answer.Id}", SampleEvent.Token(answer)));

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, edited.StatusCode);
        Assert.Contains("\"status\":\"taken-down\"", await view.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_live_event_with_a_change_waiting_for_a_moderator_can_still_be_taken_down()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json("Carers' breakfast"));
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", SampleEvent.Token(answer));
        edit.Headers.IfMatch.ParseAdd("\"v1\"");
        edit.Content = JsonContent.Create(HeldItems.Json("Carers' breakfast, with links"));
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(edit)).StatusCode);
        await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held, version: 2);

        var item = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{answer.Id}", key)));
        var takenDown = await TakeDownAsync(client, key, answer.Id, "\"v2\"", "Cancelled, the venue told us.");
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.Gone, "the page to answer 410");
        var queue = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));

        Assert.Equal(["approve", "request-changes", "reject", "take-down"], item.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.OK, takenDown.StatusCode);
        Assert.Empty(queue.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_taken_down_story_loses_its_pictures_and_feed_entries_and_comes_back_whole_when_restored()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var story = await Posts.SamplePost.SubmitAsync(client, Posts.SamplePost.Parts(images: 2));
        await Posts.SamplePost.ApproveAsync(hub, story.Id);
        var path = await Posts.SamplePost.WaitUntilLiveAsync(client, hub, story.Id);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/feed.xml")).Contains(path, StringComparison.Ordinal), "the feed to list it");
        var live = await HeldItems.WaitForStatusAsync(hub, story.Id, SubmissionStatus.Live);

        var takenDown = await TakeDownAsync(client, key, story.Id, live.EntityTag, "A person in a picture did not agree to be in it.");
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.Gone, "the story's page to answer 410");
        await Eventually.TrueAsync(async () => !(await client.GetStringAsync("/feed.xml")).Contains(path, StringComparison.Ordinal)
            && !(await client.GetStringAsync("/posts/")).Contains(path, StringComparison.Ordinal), "the feed and list to drop it");
        var picture = await client.GetAsync(path + "image-1.jpg");
        var email = await Eventually.GetAsync(async () =>
            (await hub.Services.GetRequiredService<Outbox>().ListAsync(50, CancellationToken.None)).FirstOrDefault(e => e.Subject.StartsWith("The campaign team took down your story")),
            "the take-down email");

        var restored = await ActAsync(client, key, $"/api/moderation/items/{story.Id}/restore", takenDown.Headers.ETag!.Tag);
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.OK, "the story to come back");
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/feed.xml")).Contains(path, StringComparison.Ordinal), "the feed to list it again");
        var pictureBack = await client.GetAsync(path + "image-2.jpg");

        Assert.Equal(HttpStatusCode.OK, takenDown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, picture.StatusCode);
        Assert.Equal(Posts.SamplePost.AuthorEmail, email.To);
        Assert.Contains("A person in a picture did not agree to be in it.", email.Text);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pictureBack.StatusCode);
    }

    private static async Task<Dictionary<string, string>> ReadSharedAsync(HttpClient client)
    {
        var files = new Dictionary<string, string>();
        foreach (var file in SharedFiles)
        {
            files[file] = await client.GetStringAsync(file);
        }
        return files;
    }

    internal static Task<HttpResponseMessage> TakeDownAsync(HttpClient client, string? key, string id, string? ifMatch, string reason) =>
        ActAsync(client, key, $"/api/moderation/items/{id}/takedown", ifMatch, JsonContent.Create(new { reason }));

    internal static Task<HttpResponseMessage> ActAsync(HttpClient client, string? key, string path, string? ifMatch, HttpContent? content = null)
    {
        var request = HeldItems.Request(HttpMethod.Post, path, key);
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.ParseAdd(ifMatch);
        }
        request.Content = content ?? JsonContent.Create(new { });
        return client.SendAsync(request);
    }
}
