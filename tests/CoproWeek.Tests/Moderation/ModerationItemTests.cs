using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CoproWeek.Tests.Moderation;

public sealed class ModerationItemTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_story_is_shown_rendered_with_its_real_pictures_which_only_a_signed_in_moderator_can_fetch()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var answer = await SamplePost.SubmitAsync(client, SamplePost.Parts(images: 2));
        await SamplePost.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);
        var cookie = await SignInAsync(client, key);

        var json = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{answer.Id}", key)));
        var pictures = json.GetProperty("pictures").EnumerateArray().Select(p => new Uri(p.GetString()!).PathAndQuery).ToList();
        var anonymous = await client.GetAsync(pictures[0]);
        var forgedCookie = await Send(client, pictures[0], "coproweek-moderation=not-a-session");
        var withKey = await client.SendAsync(HeldItems.Request(HttpMethod.Get, pictures[0], key));
        var withSession = await Send(client, pictures[1], cookie);
        var noSuchPicture = await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderate/items/{answer.Id}/pictures/3", key));
        var page = new HtmlParser().ParseDocument(await (await Send(client, $"/api/moderate/items/{answer.Id}", cookie)).Content.ReadAsStringAsync());
        var publicFiles = new List<string>();
        await foreach (var blob in hub.Storage.Site.GetBlobsAsync(BlobTraits.None, BlobStates.None, "posts/", CancellationToken.None))
        {
            publicFiles.Add(blob.Name);
        }

        Assert.Equal(2, pictures.Count);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Equal("image/jpeg", withKey.Content.Headers.ContentType!.MediaType);
        Assert.True(withKey.Headers.CacheControl!.NoStore);
        Assert.True(SKBitmap.Decode(await withKey.Content.ReadAsByteArrayAsync()).Width > 0);
        Assert.Equal(HttpStatusCode.OK, withSession.StatusCode);
        Assert.True(withSession.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.NotFound, noSuchPicture.StatusCode);
        Assert.DoesNotContain(publicFiles, f => f.Contains("image-", StringComparison.Ordinal));

        Assert.Equal(SamplePost.AuthorEmail, json.GetProperty("contact").GetProperty("email").GetString());
        var fields = json.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("label").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal(SamplePost.Body, fields["Your story"]);
        Assert.Equal("Sam Example", fields["Your name as it should appear"]);
        Assert.Contains("approve", json.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains(pictures[0], json.GetProperty("previewHtml").GetString());

        var images = page.QuerySelectorAll<IHtmlImageElement>(".preview img").Select(i => new Uri(i.Source!).PathAndQuery).ToList();
        Assert.Equal(pictures, images);
        Assert.NotNull(page.QuerySelector(".preview strong"));
        var labels = page.QuerySelectorAll("dt").Select(d => d.TextContent).ToList();
        Assert.Contains("Your story", labels);
        Assert.Contains("Your email address", labels);
        Assert.DoesNotContain(labels, l => l.Contains("bodyBlob") || l.Contains("authorName"));
        Assert.Contains(SamplePost.AuthorEmail, page.Body!.TextContent);
        Assert.DoesNotContain("posts/" + answer.Id, page.Body.InnerHtml);
    }

    [Fact]
    public async Task After_a_request_for_changes_the_item_says_what_changed_and_keeps_the_earlier_version()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var answer = await HeldItems.SubmitAsync(client, hub, "Peer support open day");
        var token = SampleEvent.Token(answer);
        await HeldItems.DecideAsync(client, key, answer.Id, "\"v1\"", "request-changes", "Say whether it is step-free.");
        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", token);
        edit.Headers.IfMatch.ParseAdd("\"v1\"");
        edit.Content = JsonContent.Create(HeldItems.Json("Peer support open day (step-free)"));
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(edit)).StatusCode);
        await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held, version: 2);

        var json = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{answer.Id}", key)));

        Assert.Equal(1, json.GetProperty("lastDecidedVersion").GetInt32());
        var change = Assert.Single(json.GetProperty("changesSinceLastDecision").EnumerateArray());
        Assert.Equal("Name of the event", change.GetProperty("label").GetString());
        Assert.Equal("Peer support open day", change.GetProperty("before").GetString());
        Assert.Equal("Peer support open day (step-free)", change.GetProperty("after").GetString());
        var earlier = Assert.Single(json.GetProperty("earlierVersions").EnumerateArray());
        Assert.Equal(1, earlier.GetProperty("version").GetInt32());
        Assert.Contains(json.GetProperty("fields").EnumerateArray(), f => f.GetProperty("label").GetString() == "Step-free access" || f.GetProperty("value").GetString()!.Contains("Step-free access"));
    }

    [Fact]
    public async Task The_queue_counts_each_kind_gives_the_oldest_age_and_filters_by_kind()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        await HeldItems.SubmitAsync(client, hub, "Community mental health forum");
        var story = await SamplePost.SubmitAsync(client);
        await SamplePost.WaitForStatusAsync(hub, story.Id, SubmissionStatus.Held);
        var cookie = await SignInAsync(client, key);

        var all = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key)));
        var events = await HeldItems.JsonOf(await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue?kind=event", key)));
        var bogus = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue?kind=everything", key));
        var storiesPage = new HtmlParser().ParseDocument(await (await Send(client, "/api/moderate?kind=post", cookie)).Content.ReadAsStringAsync());

        Assert.Equal(1, all.GetProperty("counts").GetProperty("event").GetInt32());
        Assert.Equal(1, all.GetProperty("counts").GetProperty("post").GetInt32());
        Assert.Equal(0, all.GetProperty("counts").GetProperty("report").GetInt32());
        Assert.Equal(JsonValueKind.String, all.GetProperty("oldestWaitingSince").ValueKind);
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        Assert.Equal("event", Assert.Single(events.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.True((await HeldItems.JsonOf(bogus)).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(SamplePost.Title, Assert.Single(storiesPage.QuerySelectorAll("table.queue tbody tr")).QuerySelector("a")!.TextContent);
        Assert.Contains("Stories: 1", storiesPage.QuerySelector(".queue-counts")!.TextContent);
        Assert.Contains("Events: 1", storiesPage.QuerySelector(".queue-counts")!.TextContent);
        Assert.Contains("The oldest item has waited", storiesPage.Body!.TextContent);
        Assert.Equal("page", storiesPage.QuerySelector("nav.filters a[href$='kind=post']")!.GetAttribute("aria-current"));
        Assert.NotNull(storiesPage.QuerySelector("button.link-button"));
    }

    [Fact]
    public async Task A_moderator_takes_a_live_event_down_from_its_page_with_a_reason_and_puts_it_back()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json("Walk and talk in the park"));
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var cookie = await SignInAsync(client, key);
        var itemUrl = $"/api/moderate/items/{answer.Id}";

        var livePage = new HtmlParser().ParseDocument(await (await Send(client, itemUrl, cookie)).Content.ReadAsStringAsync());
        var form = livePage.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("[name=action][value=take-down]") is not null);
        var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value ?? "");
        var noReason = await Send(client, itemUrl, cookie, Form(hidden, ("reason", "")));
        var noReasonPage = new HtmlParser().ParseDocument(await noReason.Content.ReadAsStringAsync());
        var takenDown = await Send(client, itemUrl, cookie, Form(hidden, ("reason", "The organisers asked us by phone.")));
        var takenDownPage = new HtmlParser().ParseDocument(await takenDown.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.Gone, "the page to answer 410");
        var restoreForm = takenDownPage.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("[name=action][value=restore]") is not null);
        var restoreFields = restoreForm.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value ?? "");
        var restored = await Send(client, itemUrl, cookie, Form(restoreFields));
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.OK, "the page to come back");
        var live = await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Live, version: 3);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull(noReasonPage.QuerySelector(".error-summary a[href='#field-reason']"));
        Assert.Equal(HttpStatusCode.OK, takenDown.StatusCode);
        Assert.Contains("Taken down", takenDownPage.QuerySelector(".notice")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(3, live.Version);
        Assert.Contains(await HeldItems.HistoryAsync(hub, answer.Id), h => h is { Who: "Sam Moderator", Decision: "taken-down", Reason: "The organisers asked us by phone." });
    }

    internal static async Task<string> SignInAsync(HttpClient client, string key) =>
        (await client.PostAsync("/api/moderate", new FormUrlEncodedContent([new("key", key)]))).Headers.GetValues("Set-Cookie").Single().Split(';')[0];

    private static FormUrlEncodedContent Form(Dictionary<string, string> hidden, params (string Name, string Value)[] more) =>
        new(hidden.Select(h => new KeyValuePair<string, string>(h.Key, h.Value)).Concat(more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value))));

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(content is null ? HttpMethod.Get : HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
