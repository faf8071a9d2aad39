using System.Globalization;
using Microsoft.Playwright;

namespace CoproWeek.BrowserTests;

/// <summary>Finding an event with the keyboard alone and no JavaScript, and the search pages in a browser.</summary>
[Collection(SiteCollection.Name)]
public sealed class FindingTests(SiteFixture site)
{
    [Fact]
    public async Task A_keyboard_user_without_JavaScript_finds_a_BSL_event_in_Wales_on_a_day_opens_it_and_adds_it_to_their_calendar()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        // Generous: the machine running the browser suite is shared, and this journey loads four pages and a download.
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(site.Url + "/events/");

        // Each control is reached and set from the keyboard: typing picks an option in a list, Space ticks a box.
        await page.Locator("#finder-region").FocusAsync();
        await page.Keyboard.TypeAsync("Wales");
        await page.Locator("#finder-day").FocusAsync();
        await page.Keyboard.TypeAsync(SiteFixture.WalesDay.ToString("dddd", CultureInfo.GetCultureInfo("en-GB")));
        await page.Locator("#finder-access-bsl").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("wales", await page.Locator("#finder-region").InputValueAsync());
        Assert.Equal(SiteFixture.WalesDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await page.Locator("#finder-day").InputValueAsync());
        Assert.True(await page.Locator("#finder-access-bsl").IsCheckedAsync());
        await page.Locator("form.finder button[type='submit']").FocusAsync();
        // The waiter is set before the key is pressed, and waits for the answer to arrive; the locators below wait for its words.
        var searched = page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/api/search\\?"), new() { WaitUntil = WaitUntilState.Commit });
        await page.Keyboard.PressAsync("Enter");
        await searched;

        Assert.Equal("1 result", (await page.Locator("#count").InnerTextAsync()).Trim());
        var result = page.Locator("li.card h3 a");
        Assert.Equal(SiteFixture.WalesBslTitle, (await result.InnerTextAsync()).Trim());
        await result.FocusAsync();
        var opened = page.WaitForURLAsync("**/events/**", new() { WaitUntil = WaitUntilState.Commit });
        await page.Keyboard.PressAsync("Enter");
        await opened;
        Assert.Equal(SiteFixture.WalesBslTitle, (await page.Locator("h1").InnerTextAsync()).Trim());

        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar file (.ics)" }).FocusAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal("event.ics", download.SuggestedFilename);
        Assert.Contains("BEGIN:VCALENDAR", ics);
        Assert.Contains("SUMMARY;LANGUAGE=en:Gŵyl cydgynhyrchu: signing and sharing in Cardiff", ics);
        Assert.Equal(1, await page.Locator("a[href^='https://calendar.google.com/']").CountAsync());
        await context.CloseAsync();
    }

    public static TheoryData<int> Widths => new() { 320, 390, 1280 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_search_page_and_the_events_list_with_its_form_fit_the_screen_and_pass_axe(int width)
    {
        foreach (var path in new[] { "/events/", "/api/search?q=gwyl&region=wales", "/api/search?q=nothing-matches-this&access=bsl", "/api/search?region=atlantis", "/api/search?kind=stories&storyKind=opinion" })
        {
            var page = await site.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
            page.SetDefaultTimeout(20_000);
            await page.GotoAsync(site.Url + path);

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{path} is {scrollWidth}px wide at {width}px");
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await AccessibilityTests.AssertAccessibleAsync(page, $"{path} at {width}px");
            await page.CloseAsync();
        }
    }
}
