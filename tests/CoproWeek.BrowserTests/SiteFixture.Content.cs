using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoproWeek.Hub;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CoproWeek.BrowserTests;

/// <summary>What the site carries beyond the one sample event: a story with three large photos.</summary>
public sealed partial class SiteFixture
{
    /// <summary>A story with three 2,400 by 1,600 photos (published at up to 1,600 px wide).</summary>
    public string StoryPath { get; private set; } = "";

    /// <summary>The day of the BSL event in Wales (next year's Tuesday 6 July) and its title.</summary>
    public static DateOnly WalesDay { get; } = new(DateTime.UtcNow.Year + 1, 7, 6);
    public const string WalesBslTitle = "Gŵyl cydgynhyrchu: signing and sharing in Cardiff";

    private async Task PublishSiteContentAsync(HttpClient http, IServiceProvider services)
    {
        StoryPath = await PublishStoryAsync(http, services);
        // The event the keyboard journey looks for, and two that each miss one of its filters.
        var bsl = await PublishEventAsync(http, WalesBslTitle, "wales", WalesDay, bsl: true);
        await PublishEventAsync(http, "Cardiff carers' coffee morning", "wales", WalesDay, bsl: false);
        await PublishEventAsync(http, "Swansea housing panel", "wales", WalesDay.AddDays(1), bsl: true);
        await WaitForAsync(async () => (await http.GetStringAsync("/events/")).Contains(bsl) ? bsl : null, "the Wales events to be listed");
    }

    private static async Task<string> PublishEventAsync(HttpClient http, string title, string region, DateOnly day, bool bsl)
    {
        var start = new DateTimeOffset(day.Year, day.Month, day.Day, 10, 0, 0, TimeSpan.FromHours(1));
        var body = new JsonObject
        {
            ["title"] = title,
            ["summary"] = "An open session run by people who use services and the staff who run them.",
            ["description"] = "Everyone is welcome.",
            ["organiser"] = new JsonObject { ["name"] = "Example Welsh Network" },
            ["contact"] = new JsonObject { ["name"] = "Event contact", ["email"] = "wales@example.org" },
            ["start"] = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["end"] = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["format"] = "in-person",
            ["venue"] = new JsonObject { ["name"] = "Central Library", ["address"] = "The Hayes, Cardiff", ["postcode"] = "CF10 1FL" },
            ["region"] = region,
            ["topics"] = new JsonArray("health"),
            ["access"] = new JsonObject { ["stepFree"] = true, ["bsl"] = bsl },
        };
        var answer = await (await http.PostAsJsonAsync("/api/events", body)).Content.ReadFromJsonAsync<JsonObject>();
        var path = $"/events/{Hub.Events.Slugs.For(title, answer!["id"]!.GetValue<string>())}/";
        return await WaitForAsync(async () => (await http.GetAsync(path)).IsSuccessStatusCode ? path : null, $"{title} to be published");
    }

    private static async Task<string> PublishStoryAsync(HttpClient http, IServiceProvider services)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("Our year of co-producing the library"), "title");
        form.Add(new StringContent("Sam Example"), "authorName");
        form.Add(new StringContent("sam@example.org"), "authorEmail");
        form.Add(new StringContent("Example Carers Group"), "organisation");
        form.Add(new StringContent("We met every month.\n\n## What we learned\n\nPeople with lived experience **led** every meeting.\n\n### The hard parts\n\nPaying people on time."), "body");
        form.Add(new StringContent("carers"), "tags");
        form.Add(new StringContent("true"), "consent");
        for (var i = 0; i < 3; i++)
        {
            var file = new ByteArrayContent(Photo(i));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "images", $"photo-{i + 1}.jpg");
        }
        for (var i = 0; i < 3; i++)
        {
            form.Add(new StringContent($"Picture {i + 1}: people round a table in the library"), "imageAlt");
        }
        var answer = await (await http.PostAsync("/api/posts", form)).Content.ReadFromJsonAsync<JsonObject>();
        var id = answer!["id"]!.GetValue<string>();

        // What a moderator's approval does: the held story goes to Approved and the publisher is told.
        var store = services.GetRequiredService<SubmissionStore>();
        var held = await WaitForAsync(async () => await store.GetAsync(id, CancellationToken.None) is { Status: SubmissionStatus.Held } s ? s : null, "the story to be held");
        await store.TryReplaceAsync(held with { Status = SubmissionStatus.Approved }, CancellationToken.None);
        await services.GetRequiredService<QueueSender>().SendAsync(Triggers.Queues.Publish, new PublishMessage(held.Id, held.Version), CancellationToken.None);
        var path = $"/posts/{held.Slug}/";
        await WaitForAsync(async () => (await http.GetAsync(path)).IsSuccessStatusCode ? path : null, "the story to be published");
        return path;
    }

    // A photo-like picture: bands of colour with a gradient, so it is neither tiny nor noise.
    private static byte[] Photo(int seed)
    {
        using var bitmap = new SKBitmap(2_400, 1_600);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(2_400, 1_600),
                [new SKColor((byte)(40 * seed), 90, 160), new SKColor(240, 200, (byte)(60 * seed))], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, 2_400, 1_600, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
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
            await Task.Delay(200);
        }
    }
}
