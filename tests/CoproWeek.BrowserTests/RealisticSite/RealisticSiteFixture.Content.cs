using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoproWeek.Benchmarks;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CoproWeek.BrowserTests.RealisticSite;

/// <summary>What the busy week holds, put on the site once: the bulk straight through the publisher's own code, and the
/// items that need a person (a story's pictures, a supporter, a take-down) through the API and a moderator's decision.</summary>
public sealed partial class RealisticSiteFixture
{
    public const int EventCount = 300;
    public const int PictureStories = 2;
    public const int WordStories = 12;

    private async Task FillAsync(HttpClient http)
    {
        var year = DateTime.UtcNow.Year + 1;
        var events = SampleWeek.Events(EventCount, year);
        // The page of the event with the most to say: paid, with a venue and a long description.
        var busiest = events.Where(e => !e.Details.IsFree && e.Details.Venue is not null).MaxBy(e => e.Details.Description.Length) ?? events[0];
        _paths["event"] = $"/events/{busiest.Slug}/";

        var filled = await Task.WhenAll(
            PublishEventsAsync(events),
            PublishWordStoriesAsync(year),
            PublishPictureStoriesAsync(http),
            PublishSupporterAsync(http),
            ManageAndTakeDownAsync(http, year),
            PreferencesLinkAsync(http));
        _paths["story"] = filled[2];
        _paths["manage"] = filled[4].Split('\n')[0];
        _paths["taken-down"] = filled[4].Split('\n')[1];
        _paths["organisers-event"] = filled[4].Split('\n')[2];
        _paths["preferences"] = filled[5];

        // One rebuild after everything (it coalesces with the ones the API's publishes asked for).
        await Services.GetRequiredService<IndexRebuilds>().RequestAsync(CancellationToken.None, TimeSpan.Zero);
        var lastEvent = $"/events/{events[^1].Slug}/";
        // The events list comes in pages, so the sitemap, which names every event page, says when the last one is listed.
        await WaitForAsync(async () => (await http.GetStringAsync("/sitemap.xml")).Contains(lastEvent, StringComparison.Ordinal)
            && (await http.GetStringAsync("/posts/")).Contains(_paths["story"], StringComparison.Ordinal)
            && (await http.GetStringAsync("/supporters/")).Contains("Example Supporters Trust", StringComparison.Ordinal) ? "ok" : null, "the lists to show everything");
    }

    private async Task<string> PublishEventsAsync(IReadOnlyList<PublishedEvent> events)
    {
        var writer = Services.GetRequiredService<SiteWriter>();
        var pages = Services.GetRequiredService<EventPages>();
        var index = Services.GetRequiredService<SiteIndex>();
        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, ct) =>
        {
            await writer.WriteAllAsync(pages.EventFiles(item), ct);
            await index.TryWriteAsync(new SiteEntry(item.Id, "event", item.Version, item.Slug, HubJson.Serialize(item.Details), item.PublishedAt, false, default), false, ct);
        });
        return "";
    }

    private async Task<string> PublishWordStoriesAsync(int year)
    {
        var writer = Services.GetRequiredService<SiteWriter>();
        var index = Services.GetRequiredService<SiteIndex>();
        var bodies = Services.GetRequiredService<PublishedBodies>();
        var options = Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        foreach (var (story, body) in SampleWeek.Stories(WordStories, year))
        {
            await bodies.WriteAsync(story.Id, body, CancellationToken.None);
            await writer.WriteAsync(new SiteFile(PostPaths.Page(story.Slug), EventSite.HtmlType, PostPage.Render(story, body, null, options, story.PublishedAt)), CancellationToken.None);
            await index.TryWriteAsync(new SiteEntry(story.Id, PublishPost.Kind, story.Version, story.Slug, HubJson.Serialize(story.Post), story.PublishedAt, false, default), false, CancellationToken.None);
        }
        return "";
    }

    /// <summary>Stories with three 1,600 by 1,067 photos each, sent as an author sends them and approved; returns the first one's address.</summary>
    private async Task<string> PublishPictureStoriesAsync(HttpClient http)
    {
        var paths = new List<string>();
        for (var s = 0; s < PictureStories; s++)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(s == 0 ? "Our year of co-producing the library with the people who use it" : "Gŵyl: what a festival run by carers taught the council"), "title" },
                { new StringContent("Sam Example"), "authorName" },
                { new StringContent("sam@example.org"), "authorEmail" },
                { new StringContent("Example Carers Group"), "organisation" },
                { new StringContent(SampleWeek.StoryMarkdown(new Random(s), 4) + "\n\n### The hard parts\n\nPaying people on time."), "body" },
                { new StringContent("carers"), "tags" },
                { new StringContent("true"), "consent" },
            };
            for (var i = 0; i < 3; i++)
            {
                var file = new ByteArrayContent(Photo(s * 3 + i));
                file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                form.Add(file, "images", $"photo-{i + 1}.jpg");
                form.Add(new StringContent($"Picture {i + 1}: people round a table, planning together"), "imageAlt");
            }
            var id = await SentAsync(await http.PostAsync("/api/posts", form));
            var slug = await ApproveAsync(id);
            paths.Add(await WaitForAsync(async () => (await http.GetAsync($"/posts/{slug}/")).IsSuccessStatusCode ? $"/posts/{slug}/" : null, "a story with pictures to be published"));
        }
        return paths[0];
    }

    private async Task<string> PublishSupporterAsync(HttpClient http)
    {
        using var bitmap = new SKBitmap(640, 200);
        bitmap.Erase(new SKColor(120, 40, 110));
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        var logo = new ByteArrayContent(png.ToArray());
        logo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Example Supporters Trust"), "organisation" },
            { new StringContent("https://www.example.org"), "website" },
            { new StringContent("We support the week because services work best when the people who use them help to design them."), "statement" },
            { new StringContent("supporter@example.org"), "contactEmail" },
            { new StringContent("true"), "consent" },
            { logo, "logo", "logo.png" },
        };
        await ApproveAsync(await SentAsync(await http.PostAsync("/api/supporters", form)));
        return "";
    }

    /// <summary>
    /// Two events sent by organisers: one whose manage link is kept, one a moderator takes down. Returns the manage link, the
    /// taken-down address and the kept event's address, one a line (only events sent as submissions can be reported).
    /// </summary>
    private async Task<string> ManageAndTakeDownAsync(HttpClient http, int year)
    {
        var sent = new List<(string Id, string Path, string Manage)>();
        foreach (var title in new[] { "Organisers' own event: planning the Leeds carers' week", "An event a moderator takes down" })
        {
            var details = SampleWeek.Events(1, year, seed: sent.Count + 100)[0].Details with { Title = title, Contact = new Contact { Name = "Organiser", Email = "organiser@example.org" } };
            // The form's fields only: the API refuses what it does not know, such as the computed isFree.
            var body = JsonNode.Parse(HubJson.Serialize(details))!.AsObject();
            body.Remove("isFree");
            using var response = await http.PostAsync("/api/events", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
            var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            var id = answer["id"]?.GetValue<string>() ?? throw new InvalidOperationException($"The event was refused: {answer}");
            var path = $"/events/{Slugs.For(title, id)}/";
            await WaitForAsync(async () => (await http.GetAsync(path)).IsSuccessStatusCode ? path : null, $"{title} to be published");
            sent.Add((id, path, Local(answer["manageUrl"]!.GetValue<string>())));
        }

        var (goneId, gonePath, _) = sent[1];
        var store = Services.GetRequiredService<SubmissionStore>();
        var live = await WaitForAsync(async () => await store.GetAsync(goneId, CancellationToken.None) is { Status: SubmissionStatus.Live } s ? s : null, "the event to be live");
        var (outcome, _) = await Services.GetRequiredService<TakeDownItem>().TakeDownAsync(goneId, live.Version, "It was listed twice.", "browser-test", CancellationToken.None);
        if (outcome != TakeDownOutcome.Done)
        {
            throw new InvalidOperationException($"The take-down was {outcome}.");
        }
        await WaitForAsync(async () => (await http.GetAsync(gonePath)).StatusCode == System.Net.HttpStatusCode.Gone ? "gone" : null, "the taken-down page");
        return $"{sent[0].Manage}\n{gonePath}\n{sent[0].Path}";
    }

    /// <summary>A reader signs up; the preferences link from their confirmation email.</summary>
    private async Task<string> PreferencesLinkAsync(HttpClient http)
    {
        const string email = "reader@example.org";
        using var signUp = await http.PostAsJsonAsync("/api/subscriptions", new { email, frequency = "weekly", regions = new[] { "wales" }, topics = new[] { "housing" } });
        return await WaitForAsync(async () =>
        {
            using var outbox = new HttpRequestMessage(HttpMethod.Get, "/dev/outbox");
            outbox.Headers.Accept.ParseAdd("application/json");
            var sent = await (await http.SendAsync(outbox)).Content.ReadFromJsonAsync<JsonArray>();
            var text = sent?.FirstOrDefault(m => m?["to"]?.GetValue<string>() == email)?["text"]?.GetValue<string>() ?? "";
            var link = Regex.Match(text, @"https?://\S+/subscriptions/preferences\S*");
            return link.Success ? Local(link.Value) : null;
        }, "the confirmation email");
    }

    private async Task<string> ApproveAsync(string id)
    {
        var store = Services.GetRequiredService<SubmissionStore>();
        var held = await WaitForAsync(async () => await store.GetAsync(id, CancellationToken.None) is { Status: SubmissionStatus.Held } s ? s : null, $"{id} to wait for a moderator");
        var (outcome, _) = await Services.GetRequiredService<DecideSubmission>().DecideAsync(id, held.Version, Decision.Approve, null, "browser-test", CancellationToken.None);
        return outcome == DecisionOutcome.Decided ? held.Slug : throw new InvalidOperationException($"Approving {id}: {outcome}.");
    }

    private static async Task<string> SentAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && JsonNode.Parse(body)?["id"]?.GetValue<string>() is { } id ? id : throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }
    }

    // A photo-like picture at the largest size the site publishes: a diagonal wash with soft shapes, so it compresses like a photo.
    private static byte[] Photo(int seed)
    {
        using var bitmap = new SKBitmap(1_600, 1_067);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 1_067), new SKPoint(1_600, 0),
                [new SKColor(30, (byte)(60 + 20 * seed), 120), new SKColor(250, 210, (byte)(30 * seed))], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, 1_600, 1_067, paint);
            paint.Shader = null;
            for (var i = 0; i < 12; i++)
            {
                paint.Color = new SKColor((byte)(20 * i), (byte)(200 - 10 * i), (byte)(40 + 15 * seed), 90);
                canvas.DrawCircle(130 * i + 40, 500 + 40 * (i % 4), 90 + 7 * i, paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(250);
        }
    }
}
