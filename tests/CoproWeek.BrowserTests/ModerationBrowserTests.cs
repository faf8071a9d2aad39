using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoproWeek.Hub.Moderation;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace CoproWeek.BrowserTests;

/// <summary>A moderator's work in a real browser: the pictures they approve are the real ones, and what they take down goes.</summary>
[Collection(SiteCollection.Name)]
public sealed class ModerationBrowserTests(SiteFixture site)
{
    [Fact]
    public async Task A_moderator_signs_in_sees_both_pictures_of_a_story_load_and_approves_it()
    {
        var key = await site.Services.GetRequiredService<Moderators>().AddAsync($"Picture checker {Guid.NewGuid():N}"[..24], CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };
        var title = $"Our garden, planned together {Guid.NewGuid():N}"[..40];
        var id = await SubmitStoryAsync(http, title);
        await WaitForStatusAsync(http, key, id, "held");

        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 800 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await SignInAsync(page, key);
        await AssertAccessibleAsync(page, "the queue");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320, "the queue fits 320px");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.Locator(".preview img").Nth(1).WaitForAsync();
        var widths = await page.EvaluateAsync<int[]>("""
            () => Promise.all([...document.querySelectorAll('.preview img')].map(i => i.complete
                ? i.naturalWidth
                : new Promise(r => { i.onload = () => r(i.naturalWidth); i.onerror = () => r(0); })))
            """);
        await AssertAccessibleAsync(page, "a story to moderate");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320, "the item fits 320px");
        await page.SetViewportSizeAsync(1280, 800);
        await page.GetByLabel("Approve: publish it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send decision" }).ClickAsync();
        await page.WaitForURLAsync("**/moderate?decided=approve");

        Assert.Equal(2, widths.Length);
        Assert.All(widths, w => Assert.True(w > 0, "each picture loads"));
        await WaitForStatusAsync(http, key, id, "live");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_moderator_takes_a_live_event_down_it_leaves_the_list_feed_calendar_and_json_and_they_put_it_back()
    {
        var key = await site.Services.GetRequiredService<Moderators>().AddAsync($"Take-down {Guid.NewGuid():N}"[..20], CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };
        var title = $"Walk and talk {Guid.NewGuid():N}"[..22];
        var id = await SubmitEventAsync(http, title);
        await WaitForStatusAsync(http, key, id, "live");
        await WaitUntilAsync(async () => await ListedEverywhereAsync(http, title), "the event to be listed");

        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await SignInAsync(page, key);
        await page.GotoAsync($"{site.Url}/api/moderate/items/{id}");
        await AssertAccessibleAsync(page, "a live event to moderate");
        await page.GetByLabel("Why are you taking it down?").FillAsync("This is not a co-production event.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take it down" }).ClickAsync();
        await page.Locator(".notice").WaitForAsync();
        await AssertAccessibleAsync(page, "a taken-down event");
        await WaitUntilAsync(async () => await GoneEverywhereAsync(http, title), "the event to leave the list, feed, calendar and JSON");

        await page.GetByRole(AriaRole.Button, new() { Name = "Put it back on the site" }).ClickAsync();
        await page.Locator(".notice").WaitForAsync();
        await WaitUntilAsync(async () => await ListedEverywhereAsync(http, title), "the event to come back");
        await context.CloseAsync();
    }

    private static readonly string[] Shared = ["/events/", "/feed.xml", "/events/calendar.ics", "/events/events.json"];

    private static async Task<bool> ListedEverywhereAsync(HttpClient http, string title)
    {
        foreach (var path in Shared)
        {
            if (!(await http.GetStringAsync(path)).Contains(title, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static async Task<bool> GoneEverywhereAsync(HttpClient http, string title)
    {
        foreach (var path in Shared)
        {
            if ((await http.GetStringAsync(path)).Contains(title, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync(site.Url + "/api/moderate");
        await page.GetByLabel("Your moderator key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Waiting for a moderator" }).WaitForAsync();
    }

    private static async Task<string> SubmitStoryAsync(HttpClient http, string title)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in new[] { ("title", title), ("authorName", "Sam Example"), ("authorEmail", "sam.author@example.org"),
            ("body", "We planned the garden with the people who use it.\n\nIt took a year."), ("tags", "carers"), ("consent", "true") })
        {
            content.Add(new StringContent(value), name);
        }
        for (var i = 0; i < 2; i++)
        {
            var picture = new ByteArrayContent(Picture(400 + i * 40, 300));
            picture.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(picture, "images", $"garden-{i + 1}.png");
        }
        content.Add(new StringContent("Raised beds with people planting"), "imageAlt");
        content.Add(new StringContent("A bench by the pond"), "imageAlt");
        using var response = await http.PostAsync("/api/posts", content);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<string> SubmitEventAsync(HttpClient http, string title)
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Year + 1, 7, 6, 10, 0, 0, TimeSpan.FromHours(1));
        using var response = await http.PostAsJsonAsync("/api/events", new JsonObject
        {
            ["title"] = title,
            ["summary"] = "A walk round the park, planned with the walking group.",
            ["description"] = "Meet at the gate.",
            ["organiser"] = new JsonObject { ["name"] = "Park Friends" },
            ["contact"] = new JsonObject { ["name"] = "Event contact", ["email"] = "contact@example.org" },
            ["start"] = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["end"] = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["format"] = "in-person",
            ["venue"] = new JsonObject { ["name"] = "Park gate", ["address"] = "Park Road, Leeds", ["postcode"] = "LS1 1AA" },
            ["region"] = "yorkshire-and-the-humber",
            ["topics"] = new JsonArray("mental-health"),
            ["coproduction"] = new JsonObject { ["livedExperienceInvolvement"] = "Planned with the walking group." },
        });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task WaitForStatusAsync(HttpClient http, string key, string id, string status) =>
        await WaitUntilAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/moderation/items/{id}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>() == status;
        }, $"{id} to be {status}");

    private static async Task WaitUntilAsync(Func<Task<bool>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(250);
        }
    }

    private static byte[] Picture(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
            using var paint = new SKPaint { Color = SKColors.SaddleBrown };
            canvas.DrawRect(0, height / 2f, width, height / 2f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(problems.Count == 0, $"{what}:\n{string.Join("\n", problems)}");
    }
}
