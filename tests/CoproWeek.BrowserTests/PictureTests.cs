using Microsoft.Playwright;

namespace CoproWeek.BrowserTests;

/// <summary>A story with three large photos, and the list of stories, on a small phone, a phone and a laptop.</summary>
[Collection(SiteCollection.Name)]
public sealed class PictureTests(SiteFixture site)
{
    public static TheoryData<int> Widths => new() { 320, 390, 1280 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_story_with_three_large_photos_fits_the_screen_without_sideways_scrolling(int width)
    {
        var page = await OpenAsync(site.StoryPath, width);

        Assert.Equal(3, await page.Locator("figure img").CountAsync());
        await AssertFitsAsync(page, width);
        var shown = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('figure img')].map(i => Math.ceil(i.getBoundingClientRect().right))");
        Assert.All(shown, right => Assert.True(right <= width, $"a picture reaches {right}px at {width}px"));
        await AccessibilityTests.AssertAccessibleAsync(page, $"{site.StoryPath} at {width}px");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await page.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_list_of_stories_shows_thumbnails_and_fits_the_screen(int width)
    {
        var page = await OpenAsync("/posts/", width);

        Assert.Equal(1, await page.Locator(".thumbnail img").CountAsync());
        await AssertFitsAsync(page, width);
        await AccessibilityTests.AssertAccessibleAsync(page, $"/posts/ at {width}px");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_heading_of_every_page_has_space_between_it_and_the_site_header()
    {
        var page = await OpenAsync(site.StoryPath, 390);

        var gap = await page.EvaluateAsync<double>("() => document.querySelector('h1').getBoundingClientRect().top - document.querySelector('.site-header').getBoundingClientRect().bottom");

        Assert.True(gap >= 16, $"the h1 is {gap}px below the header");
        await page.CloseAsync();
    }

    private async Task<IPage> OpenAsync(string path, int width)
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(site.Url + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return page;
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth}px wide at {width}px");
    }
}
