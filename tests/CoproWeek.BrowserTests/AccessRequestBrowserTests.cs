using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoproWeek.BrowserTests;

/// <summary>Asking an organiser about access, from the event page to the confirmation, as a keyboard user without JavaScript.</summary>
[Collection(SiteCollection.Name)]
public sealed class AccessRequestBrowserTests(SiteFixture site)
{
    [Fact]
    public async Task A_person_can_ask_about_access_from_the_event_page_with_the_keyboard_alone_and_without_javascript()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(site.Url + site.EventPath);

        // Tab through the page until the link has focus, as a keyboard user would, then follow it.
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Ask about access" }).CountAsync());
        var tabs = 0;
        do
        {
            await page.Keyboard.PressAsync("Tab");
        }
        while (++tabs < 100 && !(await page.Locator("a:focus").AllTextContentsAsync()).Contains("Ask about access"));
        Assert.True(tabs < 100, "the keyboard reaches the Ask about access link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/access-requests");

        await page.GetByLabel("BSL interpretation").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel("Something else", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel("Something else you need").FocusAsync();
        await page.Keyboard.TypeAsync("A carer's free place");
        await page.GetByLabel("By email").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel("Your name").FocusAsync();
        await page.Keyboard.TypeAsync("Sam");
        await page.GetByLabel("Email address").FocusAsync();
        await page.Keyboard.TypeAsync("sam@example.net");
        await page.GetByLabel("I agree: send this to the organiser").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the organiser" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/access-requests/sent");

        Assert.Equal("Your request has gone to the organiser", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_access_request_form_its_errors_and_its_confirmation_have_no_wcag_aa_violations()
    {
        // JavaScript on only so that axe (itself a script) can run; the pages have none of their own.
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(site.Url + site.EventPath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask about access" }).ClickAsync();
        await page.WaitForURLAsync("**/access-requests");
        await AssertAccessibleAsync(page, "the access request form");

        await page.GetByLabel("Something else", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("By phone").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the organiser" }).ClickAsync();

        Assert.Contains("There is a problem", await page.ContentAsync());
        foreach (var field in new[] { "otherNeeds", "name", "phone", "consent" })
        {
            Assert.Equal(1, await page.Locator($".error-summary a[href='#field-{field}']").CountAsync());
        }
        Assert.True(await page.GetByLabel("By phone").IsCheckedAsync());
        await AssertAccessibleAsync(page, "the access request form with errors");

        await page.GetByLabel("Something else you need").FillAsync("Travel expenses paid before the day");
        await page.GetByLabel("Your name").FillAsync("Sam");
        await page.GetByLabel("Phone number").FillAsync("0113 496 0000");
        await page.GetByLabel("I agree: send this to the organiser").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the organiser" }).ClickAsync();
        await page.WaitForURLAsync("**/access-requests/sent");
        await AssertAccessibleAsync(page, "the access request confirmation");

        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync(page.Url.Replace("/sent", ""));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 320"), "the form fits a 320px-wide screen");
        await context.CloseAsync();
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
