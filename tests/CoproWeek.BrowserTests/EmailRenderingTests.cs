using CoproWeek.Hub.Digests;
using CoproWeek.Tests.Emails;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoproWeek.BrowserTests;

/// <summary>Chromium alone, for checking HTML the hub builds without running the hub: its emails and the digest's web copy.</summary>
public sealed class EmailBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SiteFixture.Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// Every email as a phone and a desktop client would lay it out: nothing wider than the screen at 320px or 600px,
/// every picture described; the digest's web copy with no WCAG 2.1 AA failures axe can find. Screenshots of a digest
/// and a receipt are saved under <c>screenshots/</c> in the test output.
/// </summary>
public sealed class EmailRenderingTests(EmailBrowserFixture browser) : IClassFixture<EmailBrowserFixture>
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static TheoryData<int> Widths => new() { 320, 600 };

    private static async Task<IReadOnlyDictionary<string, string>> EveryEmailAsync()
    {
        var emails = (await SampleEmails.AllAsync()).ToDictionary(e => e.Key, e => e.Value.Html);
        var items = SampleDigest.Items;
        var everything = Enumerable.Range(0, items.Count).ToList();
        var digest = await DigestContent.BuildAsync("weekly-20270628T070000Z", "weekly", items, everything, SampleEmails.Site, SampleDigest.Sent);
        emails["digest"] = digest.Fill(new DigestLetter("reader@example.org", everything,
            "https://hub.coproweek.example/api/subscriptions/unsubscribe?token=s.0123456789abcdef0123456789abcdef~averyveryverylongsecretthatwouldoverflowanarrowscreen",
            "https://hub.coproweek.example/api/subscriptions/preferences?token=s.0123456789abcdef0123456789abcdef~averyveryverylongsecretthatwouldoverflowanarrowscreen",
            ["wales", "london", "north-east", "yorkshire-and-the-humber"], ["housing", "mental-health", "voluntary-and-community-sector"])).Html;
        return emails;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Every_email_fits_the_screen_without_sideways_scrolling_and_describes_its_pictures(int width)
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        Directory.CreateDirectory(Screenshots);
        var problems = new List<string>();
        foreach (var (name, html) in await EveryEmailAsync())
        {
            await page.SetContentAsync(html);
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var undescribed = await page.EvaluateAsync<int>("() => [...document.images].filter(i => !i.hasAttribute('alt')).length");
            if (scrollWidth > width)
            {
                problems.Add($"{name} is {scrollWidth}px wide at {width}px");
            }
            if (undescribed > 0)
            {
                problems.Add($"{name} has {undescribed} pictures without alt text");
            }
            if (name is "digest" or "event-receipt")
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}-{width}.png"), FullPage = true });
            }
        }
        await page.CloseAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(File.Exists(Path.Combine(Screenshots, $"digest-{width}.png")));
    }

    [Fact]
    public async Task The_digest_web_copy_has_no_wcag_aa_violations()
    {
        var html = await DigestContent.WebCopyAsync("weekly-20270628T070000Z", "weekly", SampleDigest.Items, SampleEmails.Site, SampleDigest.Sent);
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.SetContentAsync(html);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var problems = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        await page.CloseAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<h1"));
    }
}
