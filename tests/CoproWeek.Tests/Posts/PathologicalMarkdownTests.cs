using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Moderation;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoproWeek.Tests.Posts;

/// <summary>Story bodies that nest thousands of levels deep: refused when sent, and harmless if one is already stored.</summary>
public sealed class PathologicalMarkdownTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static readonly Dictionary<string, string> Bodies = new()
    {
        ["stars"] = new string('*', 5_000) + "a" + new string('*', 5_000),
        ["brackets"] = string.Concat(Enumerable.Repeat("[a", 6_666)),
        ["nested lists"] = string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i * 2) + "- level " + i + "\n")),
        ["nested quotes"] = string.Concat(Enumerable.Range(0, 40).Select(i => new string('>', i + 1) + " level " + i + "\n")),
    };

    public static TheoryData<string, string> Cases => new()
    {
        { "stars", "emphasis marks" },
        { "brackets", "square brackets" },
        { "nested lists", "lists or quotes" },
        { "nested quotes", "lists or quotes" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_pathological_body_is_refused_at_submission_with_a_400_on_body_saying_why(string name, string words)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var response = await client.PostAsync("/api/posts", SamplePost.Content(SamplePost.Parts(body: Bodies[name])));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: expected 400, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("body")[0].GetString();
        Assert.Contains(words, message);
        Assert.Contains($"{PostBodyRenderer.MaxNesting} ", message);
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_pathological_body_is_refused_when_a_story_is_edited_and_the_story_stays_as_it_was(string name, string words)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SamplePost.SubmitAsync(client);
        await SamplePost.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);
        var edit = SamplePost.WithToken(HttpMethod.Put, $"/api/posts/{answer.Id}", SamplePost.Token(answer));
        edit.Content = SamplePost.Content(SamplePost.Parts(body: Bodies[name]));
        edit.Headers.IfMatch.ParseAdd("\"v1\"");

        var response = await client.SendAsync(edit);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("body")[0].GetString();
        Assert.Contains(words, message);
        var row = await SamplePost.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);
        Assert.Equal(1, row.Version);
        await foreach (var blob in hub.Storage.Container(HubStorage.ContainerNames.Submissions).GetBlobsAsync(BlobTraits.None, BlobStates.None, PostBlobs.Folder(answer.Id, 2), CancellationToken.None))
        {
            Assert.Fail($"The refused edit left {blob.Name}.");
        }
    }

    [Theory]
    [InlineData("stars")]
    [InlineData("brackets")]
    public async Task A_story_stored_with_such_a_body_shows_to_moderators_and_publishes_without_poisoning(string name)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        var answer = await SamplePost.SubmitAsync(client);
        await SamplePost.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);
        // Written straight to storage, as a story accepted before submission refused such bodies would be.
        var body = "Our day together\n\n" + Bodies[name];
        await hub.Storage.Container(HubStorage.ContainerNames.Submissions).GetBlobClient(PostBlobs.Folder(answer.Id, 1) + "body.md")
            .UploadAsync(BinaryData.FromString(body), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown; charset=utf-8" } });
        var signedIn = await client.PostAsync("/api/moderate", new FormUrlEncodedContent([new("key", key)]));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        var itemPage = await client.SendAsync(WithCookie($"/api/moderate/items/{answer.Id}", cookie));
        var preview = await client.SendAsync(WithCookie($"/api/moderate/items/{answer.Id}?view=preview", cookie));
        var item = await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{answer.Id}", key));
        await SamplePost.ApproveAsync(hub, answer.Id);
        var path = await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);
        await SamplePost.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Live);

        Assert.Equal(HttpStatusCode.OK, itemPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Our day together", await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        var words = page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent;
        Assert.Contains("Our day together", words);
        Assert.Contains(Bodies[name][..100], words); // the marks are shown as typed, not lost
        foreach (var queue in Triggers.Queues.All)
        {
            Assert.Null((await hub.Storage.Queue(queue + Triggers.Queues.PoisonSuffix).PeekMessageAsync()).Value);
        }
    }

    private static HttpRequestMessage WithCookie(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return request;
    }
}
