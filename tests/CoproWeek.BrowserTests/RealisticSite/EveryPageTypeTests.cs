using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoproWeek.BrowserTests.RealisticSite;

/// <summary>
/// Every public page type with a busy week's content, on a small phone, a phone and a laptop: no WCAG 2.2 A/AA failure
/// axe-core can find, no sideways scrolling, one h1 and no skipped heading level, and valid HTML by the Nu HTML checker.
/// Screenshots at 390 and 1,280 px go to <c>screenshots/busy-week</c> in the test output folder.
/// </summary>
[Collection(RealisticSiteCollection.Name)]
public sealed class EveryPageTypeTests(RealisticSiteFixture site, ITestOutputHelper output)
{
    private static readonly int[] Widths = [320, 390, 1280];
    private static readonly int[] Photographed = [390, 1280];

    public static TheoryData<string> PageTypes => [.. RealisticSiteFixture.PageTypes];

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task A_page_type_passes_axe_fits_every_width_and_has_one_h1_and_no_skipped_heading_level(string pageType)
    {
        var problems = new List<string>();
        foreach (var width in Widths)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var page = await OpenAsync(pageType, width);
            var opened = clock.Elapsed;
            var where = $"{pageType} ({site.PathOf(pageType)}) at {width}px";
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (scrollWidth > width)
            {
                problems.Add($"{where}: scrolls sideways, {scrollWidth}px wide; widest: {await WidestAsync(page)}");
            }
            problems.AddRange((await page.EvaluateAsync<string[]>(HeadingProblems)).Select(p => $"{where}: {p}"));
            var checkedAt = clock.Elapsed;
            problems.AddRange(await AxeProblemsAsync(page, where));
            var axed = clock.Elapsed;
            if (Photographed.Contains(width))
            {
                await PhotographAsync(page, pageType, width);
            }
            // For whoever watches the suite's time: where each page's seconds go.
            output.WriteLine($"{where}: opened in {opened.TotalSeconds:N1} s, checked in {(checkedAt - opened).TotalSeconds:N1} s, axe {(axed - checkedAt).TotalSeconds:N1} s, photographed in {(clock.Elapsed - axed).TotalSeconds:N1} s");
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_page_type_is_valid_html()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "validated-html");
        Directory.CreateDirectory(folder);
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html"); // as a browser asks: the search answers JSON to anything else
        var files = new List<string>();
        foreach (var pageType in RealisticSiteFixture.PageTypes)
        {
            var file = Path.Combine(folder, pageType + ".html");
            await File.WriteAllTextAsync(file, await site.HtmlAsync(http, pageType));
            files.Add(file);
        }

        var problems = await NuHtmlChecker.CheckAsync(files);

        Assert.True(problems.Count == 0, $"The Nu HTML checker found {problems.Count} problems (the pages are in {folder}):\n{string.Join("\n", problems)}");
    }

    private async Task<IPage> OpenAsync(string pageType, int width)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(site.Url + site.PathOf(pageType), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (RealisticSiteFixture.EnglishOf(pageType) == "submit-event-with-errors")
        {
            await page.Locator("[name='title']").FillAsync("Kept title");
            await page.Locator("[name='contact.email']").FillAsync("not-an-email");
            var answered = page.WaitForURLAsync("**/api/**");
            await page.Locator("form button[type='submit']").First.ClickAsync();
            await answered;
            Assert.Equal("true", await page.Locator("[name='contact.email']").GetAttributeAsync("aria-invalid"));
        }
        if (RealisticSiteFixture.EnglishOf(pageType) is "report" or "manage" or "preferences")
        {
            // These show their form only for a real item or reader; anything else is a polite dead end, not the page meant.
            Assert.True(await page.Locator("main form").CountAsync() > 0, $"{pageType} shows no form: {await page.Locator("h1").InnerTextAsync()}");
        }
        return page;
    }

    // Every heading in the order a screen reader meets them: exactly one h1, and none more than one level below the one before
    // (an h2 may come first: the error summary's "There is a problem" stands above the h1, as in the GOV.UK pattern).
    private const string HeadingProblems = """
        () => {
          const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)]);
          const problems = [];
          const h1s = levels.filter(([level]) => level === 1).length;
          if (h1s !== 1) problems.push(`${h1s} h1 elements, not one`);
          let previous = 1, seen = false;
          for (const [level, text] of levels) {
            if (level > previous + 1) problems.push(`h${level} "${text}" follows ${seen ? 'h' + previous : 'the top of the page'}, skipping a level`);
            previous = level;
            seen = true;
          }
          return problems;
        }
        """;

    private const string Widest = """
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
          .slice(-3).map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ').join('.') : ''} to ${Math.ceil(e.getBoundingClientRect().right)}px`).join(', ')
        """;

    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>(Widest);

    private static async Task<IEnumerable<string>> AxeProblemsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
            // WCAG 2.2's target size (2.5.8) is off in axe unless asked for by name.
            Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new() { Enabled = true } },
            // Only the failures: passes on a 300-event list are thousands of nodes to describe and send back.
            ResultTypes = [ResultType.Violations],
        });
        return result.Violations.Select(v => $"{where}: axe {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }

    // Long pages (the events list holds 300 events) are photographed down to 8,000px, enough to judge the design.
    private static async Task PhotographAsync(IPage page, string pageType, int width)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots", "busy-week");
        Directory.CreateDirectory(folder);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        var file = Path.Combine(folder, $"{pageType}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Clip = new Clip { X = 0, Y = 0, Width = width, Height = Math.Min(height, 8_000) } });
        Assert.True(new FileInfo(file).Length > 0, $"{file} is empty");
    }
}
