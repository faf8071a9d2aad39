using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Submissions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace CoproWeek.BrowserTests;

/// <summary>
/// The supporters page, the pledge form (also with its mistakes shown) and a story first published elsewhere, in a real
/// browser: no WCAG 2.1 AA failures axe-core can find, and no sideways scrolling at 320px.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class StoryAndSupporterPagesTests(SiteFixture site)
{
    [Fact]
    public async Task The_supporters_page_the_pledge_form_and_a_cross_posted_story_have_no_wcag_aa_violations_and_fit_a_phone()
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };
        var supporter = await SendAsync(http, "/api/supporters", Pledge());
        var story = await SendAsync(http, "/api/posts", CrossPostedStory());
        await ApproveAsync(supporter);
        await ApproveAsync(story);
        var storyPath = await WaitForAsync(http, "/posts/", "/posts/", html => System.Text.RegularExpressions.Regex.Match(html, "/posts/[a-z0-9-]*how-our-ward[a-z0-9-]*/").Value);
        await WaitForAsync(http, "/supporters/", "Example Supporters Trust", _ => "ok");

        foreach (var path in new[] { "/supporters/", "/support-the-week/", "/support-the-week/thanks/", storyPath, "/posts/kind/good-practice/" })
        {
            foreach (var width in new[] { 1280, 320 })
            {
                var page = await site.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
                page.SetDefaultTimeout(20_000);
                await page.GotoAsync(site.Url + path);
                await AssertAccessibleAsync(page, $"{path} at {width}px");
                Assert.Equal(1, await page.Locator("h1").CountAsync());
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{path} is {scrollWidth}px wide at {width}px");
                await page.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task A_pledge_sent_without_answers_comes_back_with_a_summary_linking_to_each_field_and_no_violations()
    {
        var page = await site.Browser.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(site.Url + "/support-the-week/");
        await page.GetByLabel("Organisation name").FillAsync("Half-finished Org");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send our pledge" }).ClickAsync();

        await page.Locator(".error-summary").WaitForAsync();
        await AssertAccessibleAsync(page, "the pledge form with mistakes");
        var links = await page.Locator(".error-summary a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#field-website", "#field-statement", "#field-contactEmail", "#field-consent"], links);
        Assert.Equal("Half-finished Org", await page.GetByLabel("Organisation name").InputValueAsync());
        await page.CloseAsync();
    }

    private static MultipartFormDataContent Pledge()
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent("Example Supporters Trust"), "organisation" },
            { new StringContent("https://www.example.org"), "website" },
            { new StringContent("We support the week because services work best when people who use them help design them."), "statement" },
            { new StringContent("supporter@example.org"), "contactEmail" },
            { new StringContent("true"), "consent" },
        };
        using var bitmap = new SKBitmap(640, 200);
        bitmap.Erase(new SKColor(0, 94, 165));
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        var logo = new ByteArrayContent(png.ToArray());
        logo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(logo, "logo", "logo.png");
        return content;
    }

    private static MultipartFormDataContent CrossPostedStory() => new()
    {
        { new StringContent("How our ward co-designed visiting"), "title" },
        { new StringContent("Families, patients and staff met weekly.\n\nThis is what changed."), "body" },
        { new StringContent("Sam Example"), "authorName" },
        { new StringContent("Head of Co-production"), "authorRole" },
        { new StringContent("Example Trust"), "organisation" },
        { new StringContent("Laura Able"), "authors[1].name" },
        { new StringContent("Co-production Network member"), "authors[1].role" },
        { new StringContent("author@example.org"), "authorEmail" },
        { new StringContent("https://www.example.org/blog/visiting"), "originalUrl" },
        { new StringContent("good-practice"), "kind" },
        { new StringContent("true"), "consent" },
    };

    private static async Task<string> SendAsync(HttpClient http, string path, HttpContent content)
    {
        using var response = await http.PostAsync(path, content);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>What a moderator's approval does, through the same decision the moderation page makes.</summary>
    private async Task ApproveAsync(string id)
    {
        var store = site.Services.GetRequiredService<SubmissionStore>();
        for (var tries = 0; tries < 150; tries++)
        {
            if (await store.GetAsync(id, CancellationToken.None) is { Status: SubmissionStatus.Held } held)
            {
                var (outcome, _) = await site.Services.GetRequiredService<DecideSubmission>().DecideAsync(id, held.Version, Decision.Approve, null, "browser-test", CancellationToken.None);
                Assert.Equal(DecisionOutcome.Decided, outcome);
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{id} never waited for a moderator.");
    }

    private static async Task<string> WaitForAsync(HttpClient http, string path, string expected, Func<string, string> pick)
    {
        for (var tries = 0; tries < 150; tries++)
        {
            using var response = await http.GetAsync(path);
            var html = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
            if (html.Contains(expected, StringComparison.Ordinal) && pick(html) is { Length: > 0 } found)
            {
                return found;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{path} never showed {expected}.");
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
