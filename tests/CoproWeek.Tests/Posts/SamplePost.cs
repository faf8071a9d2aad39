using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CoproWeek.Tests.Posts;

/// <summary>A story as an author would send it (multipart, with pictures), to change one part at a time; and the moderator's seam.</summary>
internal static class SamplePost
{
    public const string AuthorEmail = "private.author@example.org";
    public const string Title = "What our carers’ panel changed";

    public const string Body = "We met every month for a year.\n\n## What we learned\n\nPeople with lived experience **led** every meeting. "
        + "Read more on [our site](https://example.org/panel).";

    /// <summary>A part of the form: a text field, or a file (bytes, file name and claimed type).</summary>
    public sealed record Part(string Name, string? Text = null, byte[]? File = null, string? FileName = null, string? ContentType = null);

    public static byte[] Photo(int seed = 0) => TestPictures.Encode(TestPictures.RedLeftBlueRight(640 + seed, 480), SKEncodedImageFormat.Jpeg);

    public static List<Part> Parts(string title = Title, string body = Body, int images = 1)
    {
        var parts = new List<Part>
        {
            new("title", title),
            new("authorName", "Sam Example"),
            new("authorEmail", AuthorEmail),
            new("organisation", "Example Carers Group"),
            new("body", body),
            new("tags", "mental-health, carers"),
            new("consent", "true"),
        };
        for (var i = 0; i < images; i++)
        {
            parts.Add(new("images", File: Photo(i), FileName: $"photo-{i + 1}.jpg", ContentType: "image/jpeg"));
        }
        for (var i = 0; i < images; i++)
        {
            parts.Add(new("imageAlt", $"Picture {i + 1}: six people round a table, laughing"));
        }
        return parts;
    }

    public static MultipartFormDataContent Content(IEnumerable<Part> parts)
    {
        var content = new MultipartFormDataContent("sample-boundary-1234");
        foreach (var part in parts)
        {
            if (part.File is null)
            {
                content.Add(new StringContent(part.Text ?? ""), part.Name);
                continue;
            }
            var file = new ByteArrayContent(part.File);
            file.Headers.ContentType = new MediaTypeHeaderValue(part.ContentType ?? "application/octet-stream");
            // Set by hand, because a browser's unchosen file input sends an empty file name, which Add(content, name, fileName) refuses.
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{part.Name}\"", FileName = $"\"{part.FileName ?? "file"}\"" };
            content.Add(file);
        }
        return content;
    }

    public sealed record Answer(string Id, string Status, string ManageUrl);

    public static async Task<Answer> SubmitAsync(HttpClient client, IEnumerable<Part>? parts = null)
    {
        var response = await client.PostAsync("/api/posts", Content(parts ?? Parts()));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Answer>())!;
    }

    public static string Token(Answer answer) => Uri.UnescapeDataString(answer.ManageUrl.Split("token=")[1]);

    public static HttpRequestMessage WithToken(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static async Task<Submission> WaitForStatusAsync(HubFactory hub, string id, SubmissionStatus status) =>
        await Eventually.GetAsync(async () =>
        {
            var submission = await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(id, CancellationToken.None);
            return submission?.Status == status ? submission : null;
        }, $"story {id} to be {status}");

    /// <summary>
    /// What a moderator's approval does: the row goes to Approved under its ETag, then the decision's follow-up logs it
    /// and sends the publish queue the (id, version) message.
    /// </summary>
    public static async Task ApproveAsync(HubFactory hub, string id)
    {
        var held = await WaitForStatusAsync(hub, id, SubmissionStatus.Held);
        var approved = held with { Status = SubmissionStatus.Approved };
        Assert.True(await hub.Services.GetRequiredService<SubmissionStore>().TryReplaceAsync(approved, CancellationToken.None));
        await hub.Services.GetRequiredService<CoproWeek.Hub.Moderation.DecisionFollowUp>().RunAsync(approved, CancellationToken.None);
    }

    /// <summary>Waits until the story's page is served, and returns its path (<c>/posts/{slug}/</c>).</summary>
    public static async Task<string> WaitUntilLiveAsync(HttpClient client, HubFactory hub, string id)
    {
        var slug = await Eventually.GetAsync(async () =>
        {
            var row = await hub.Storage.Table("SiteIndex").GetEntityIfExistsAsync<TableEntity>("post", id);
            return row.HasValue && row.Value!.GetBoolean("Withdrawn") == false ? row.Value.GetString("Slug") : null;
        }, $"story {id} to be published");
        var path = $"/posts/{slug}/";
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).IsSuccessStatusCode, $"{path} to be served");
        // The publisher marks the submission live after the page is up: an organiser's change made before that
        // would meet a row that changed beneath it. Live means the publisher has finished.
        await hub.QueuesIdleAsync(Hub.Triggers.PublishItem);
        return path;
    }

    /// <summary>Fails if any submission row, or any file in the private container, was written.</summary>
    public static async Task AssertNothingStoredAsync(HubFactory hub)
    {
        await foreach (var _ in hub.Storage.Table(HubStorage.TableNames.Submissions).QueryAsync<TableEntity>(maxPerPage: 1))
        {
            Assert.Fail("A submission was stored for a refused request.");
        }
        await foreach (var blob in hub.Storage.Container(HubStorage.ContainerNames.Submissions).GetBlobsAsync())
        {
            Assert.Fail($"A file was stored for a refused request: {blob.Name}.");
        }
    }
}
