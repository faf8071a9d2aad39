using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoproWeek.BrowserTests;

/// <summary>
/// The public's report form and what moderators do with reports, and the campaign dashboard, in a real browser. The
/// pages have no script of their own (their Content-Security-Policy allows none); JavaScript stays on only so that
/// axe, itself a script, can check them.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReportsInTheBrowserTests(SiteFixture site)
{
    [Fact]
    public async Task A_report_sent_from_an_event_page_appears_in_the_queue_and_a_moderator_dismisses_it()
    {
        var key = await site.Services.GetRequiredService<Hub.Moderation.Moderators>().AddAsync("Browser moderator", CancellationToken.None);
        await using var reader = await site.Browser.NewContextAsync(new BrowserNewContextOptions());
        var page = await reader.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(site.Url + site.EventPath);
        var title = await page.Locator("h1").InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Report a problem with this event" }).ClickAsync();
        await AssertAccessibleAsync(page, "the report form");
        await page.GetByLabel("It is spam or advertising").CheckAsync();
        await page.GetByLabel("More details (optional)").FillAsync("The same event is listed three times.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        Assert.Equal("Thank you for your report", await page.Locator("h1").InnerTextAsync());
        await AssertAccessibleAsync(page, "the report's thanks page");

        await using var moderator = await site.Browser.NewContextAsync(new BrowserNewContextOptions());
        var queue = await moderator.NewPageAsync();
        queue.SetDefaultTimeout(20_000);
        await queue.GotoAsync(site.Url + "/api/moderate");
        await queue.GetByLabel("Your moderator key").FillAsync(key);
        await queue.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var reported = queue.Locator(".reported li", new() { HasText = title });
        Assert.Contains("1 report (spam)", await reported.InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(queue, "the queue with a reported event");

        await reported.GetByRole(AriaRole.Link).ClickAsync();
        Assert.Contains("The same event is listed three times.", await queue.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(queue, "the reports page");
        await queue.GetByRole(AriaRole.Button, new() { Name = "Dismiss the reports" }).ClickAsync();

        Assert.Equal("Waiting for a moderator", await queue.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await queue.Locator(".reported li", new() { HasText = title }).CountAsync());
    }

    [Fact]
    public async Task The_dashboard_has_no_wcag_aa_violations_and_fits_a_320px_phone()
    {
        var key = await site.Services.GetRequiredService<Hub.Moderation.Moderators>().AddAsync("Dashboard reader", CancellationToken.None);
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(site.Url + "/api/moderate");
        await page.GetByLabel("Your moderator key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the campaign dashboard and download the lists" }).ClickAsync();

        Assert.Equal("The week at a glance", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(5, await page.Locator("svg.chart[role=img]").CountAsync());
        Assert.Equal(5, await page.Locator("table.stats-table").CountAsync());
        await AssertAccessibleAsync(page, "the dashboard");

        await page.SetViewportSizeAsync(320, 800);
        var (scrollWidth, clientWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scrollWidth <= clientWidth, $"The dashboard is {scrollWidth}px wide in a {clientWidth}px window.");
        await AssertAccessibleAsync(page, "the dashboard at 320px");
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
