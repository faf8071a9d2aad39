using Microsoft.Playwright;

namespace CoproWeek.BrowserTests;

/// <summary>Screenshots of each page type at a phone's and a laptop's width, saved with the test output for people to look at.</summary>
[Collection(SiteCollection.Name)]
public sealed class ScreenshotTests(SiteFixture site)
{
    [Fact]
    public async Task Each_page_type_is_photographed_at_390_and_1280_pixels()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var pages = new Dictionary<string, string>
        {
            ["home"] = "/",
            ["events"] = "/events/",
            ["event"] = site.EventPath,
            ["story"] = site.StoryPath,
            ["stories"] = "/posts/",
            ["search"] = "/api/search?q=gwyl",
        };
        foreach (var width in new[] { 390, 1280 })
        {
            foreach (var (name, path) in pages)
            {
                var page = await site.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
                page.SetDefaultTimeout(20_000);
                await page.GotoAsync(site.Url + path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                var file = Path.Combine(folder, $"{name}-{width}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 0);
                await page.CloseAsync();
            }
        }
    }
}
