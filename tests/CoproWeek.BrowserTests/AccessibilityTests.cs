using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoproWeek.BrowserTests;

/// <summary>
/// The public pages checked in a real browser: no WCAG 2.1 AA failures that axe-core can find, usable on a
/// 320px-wide phone, and the event form usable with a keyboard and labels alone.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    public static TheoryData<string> Pages => new() { "/", "/events/", "/submit-event/", "/submit-event/thanks/", "/events/region/wales/", "/no-such-page/", "/subscribe/", "/submit-post/", "/posts/", "/moderate/" };

    private async Task<IPage> OpenAsync(string path, int width = 1280)
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(site.Url + path);
        return page;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Public_pages_have_no_wcag_aa_violations(string path)
    {
        var page = await OpenAsync(path);
        await AssertAccessibleAsync(page, path);
        Assert.Equal(1, await page.Locator("h1").CountAsync()); // one heading says what the page is, for screen reader users
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_event_page_has_no_wcag_aa_violations_and_shows_the_easy_read_first()
    {
        var page = await OpenAsync(site.EventPath);

        await AssertAccessibleAsync(page, site.EventPath);
        var main = await page.Locator("main").InnerTextAsync();
        Assert.True(main.IndexOf("A meeting about mental health services.", StringComparison.Ordinal) < main.IndexOf("We will share what we learned.", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_pages_a_confirmation_email_links_to_have_no_wcag_aa_violations()
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        using var signUp = await http.PostAsJsonAsync("/api/subscriptions", new { email, frequency = "weekly", regions = new[] { "wales" }, topics = Array.Empty<string>() });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, signUp.StatusCode);

        // The confirmation email holds the confirm link and the preferences link, both served by the API.
        var links = new List<string>();
        for (var tries = 0; links.Count < 2 && tries < 100; tries++)
        {
            await Task.Delay(200);
            using var outbox = new HttpRequestMessage(HttpMethod.Get, "/dev/outbox");
            outbox.Headers.Accept.ParseAdd("application/json");
            var sent = await (await http.SendAsync(outbox)).Content.ReadFromJsonAsync<JsonArray>();
            var text = sent?.FirstOrDefault(m => m?["to"]?.GetValue<string>() == email)?["text"]?.GetValue<string>() ?? "";
            links = Regex.Matches(text, @"https?://\S+").Select(m => m.Value).Where(u => u.StartsWith(site.Url, StringComparison.Ordinal)).Distinct().ToList();
        }
        Assert.Equal(2, links.Count);

        foreach (var link in links.Append(site.Url + "/api/subscriptions/preferences?token=not-a-real-token"))
        {
            var page = await site.Browser.NewPageAsync();
            page.SetDefaultTimeout(20_000);
            await page.GotoAsync(link);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            Assert.Equal(1, await page.Locator("nav[aria-label=Main]").CountAsync()); // the site's own layout
            await AssertAccessibleAsync(page, new Uri(link).AbsolutePath);
            await page.CloseAsync();
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/events/")]
    [InlineData("/submit-event/")]
    public async Task Pages_fit_a_320px_wide_phone_without_sideways_scrolling(string path)
    {
        var page = await OpenAsync(path, width: 320);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 320, $"{path} is {scrollWidth}px wide at 320px");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_thing_a_keyboard_reaches_and_it_moves_focus_to_the_main_content()
    {
        var page = await OpenAsync("/events/");

        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        await page.Keyboard.PressAsync("Enter");

        Assert.Contains("Skip", first, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("#main", page.Url);
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_organiser_can_list_an_event_using_labels_and_the_keyboard_without_javascript()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(site.Url + "/submit-event/");
        var start = new DateTime(DateTime.UtcNow.Year + 1, 7, 7, 13, 0, 0);

        // Found by their visible labels, as a screen reader user finds them.
        await page.GetByLabel("Name of the event", new() { Exact = false }).First.FillAsync("Carers' coffee morning");
        await page.Locator("[name='summary']").FillAsync("Tea, cake and a chat about what carers want.");
        await page.Locator("textarea[name='description']").FillAsync("Come along.");
        await page.Locator("[name='organiser.name']").FillAsync("Carers Together");
        await page.Locator("[name='contact.name']").FillAsync("Sam");
        await page.Locator("[name='contact.email']").FillAsync("sam@example.org");
        await page.Locator("[name='start']").FillAsync(start.ToString("yyyy-MM-dd'T'HH:mm"));
        await page.Locator("[name='end']").FillAsync(start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm"));
        await page.Locator("[name='format'][value='online']").CheckAsync();
        await page.Locator("[name='region']").SelectOptionAsync("wales");
        await page.Locator("button[type='submit'], input[type='submit']").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/submit-event/thanks/");

        Assert.Contains("Thank you", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_form_sent_with_mistakes_comes_back_with_a_summary_linking_to_each_field_and_keeps_what_was_typed()
    {
        // JavaScript stays on here only so that axe (itself a script) can check the page that comes back; the form posts the same way.
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(site.Url + "/submit-event/");

        await page.Locator("[name='title']").FillAsync("Kept title");
        await page.Locator("[name='contact.email']").FillAsync("not-an-email");
        await page.Locator("button[type='submit'], input[type='submit']").First.ClickAsync();

        Assert.Contains("There is a problem", await page.ContentAsync());
        Assert.Equal("Kept title", await page.Locator("[name='title']").InputValueAsync());
        Assert.Equal("true", await page.Locator("[name='contact.email']").GetAttributeAsync("aria-invalid"));
        var summaryLinks = await page.Locator("a[href^='#field-']").CountAsync();
        Assert.True(summaryLinks >= 3, $"expected links to the failing fields, found {summaryLinks}");
        await AssertAccessibleAsync(page, "/submit-event/ with errors");
        await context.CloseAsync();
    }

    internal static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(problems.Count == 0, $"{what}:\n{string.Join("\n", problems)}");
    }
}
