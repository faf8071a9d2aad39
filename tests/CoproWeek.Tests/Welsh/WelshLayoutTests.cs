using CoproWeek.Hub;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Site;

namespace CoproWeek.Tests.Welsh;

public sealed class WelshLayoutTests
{
    private static readonly SiteOptions Options = new() { PublicUrl = "https://coproweek.example", ApiUrl = "https://api.coproweek.example" };

    [Fact]
    public void A_Welsh_page_speaks_Welsh_and_links_to_its_English_twin()
    {
        var html = SiteLayout.Render(Options, "Tudalen", "<h1>Tudalen</h1>", SiteSection.Events,
            new PageHead { Translation = PageTranslation.OfSite(Options, Language.Welsh, SitePaths.Events) }, Language.Welsh);
        var page = PageChecks.Parse(html);

        WelshChecks.AssertWelshPage(page);
        Assert.Contains("Wythnos Cyd-gynhyrchu", page.Title);
        Assert.Equal("https://coproweek.example/events/", page.QuerySelector("a.language-link")!.GetAttribute("href"));
        Assert.Equal("https://coproweek.example/cy/events/", page.QuerySelector("link[hreflang=cy]")!.GetAttribute("href"));
        Assert.Equal("https://coproweek.example/cy/events/", page.QuerySelector("nav a[aria-current=page]")!.GetAttribute("href"));
        Assert.Equal("cy_GB", page.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
    }

    [Fact]
    public void The_English_page_links_to_Welsh_marked_as_Welsh()
    {
        var html = SiteLayout.Render(Options, "Events", "<h1>Events</h1>", SiteSection.Events,
            new PageHead { Translation = PageTranslation.OfSite(Options, Language.English, SitePaths.Events) });
        var page = PageChecks.AssertSoundPage(html);

        var link = page.QuerySelector("a.language-link")!;
        Assert.Equal("https://coproweek.example/cy/events/", link.GetAttribute("href"));
        Assert.Equal("cy", link.GetAttribute("lang"));
        Assert.Equal("https://coproweek.example/events/", page.QuerySelector("link[hreflang=en]")!.GetAttribute("href"));
    }

    [Fact]
    public void The_English_check_finds_English_words_left_on_a_Welsh_page()
    {
        var html = SiteLayout.Render(Options, "Tudalen", "<h1>Tudalen</h1><p>Skip to main content</p>", head: new PageHead
        {
            Translation = PageTranslation.OfSite(Options, Language.Welsh, SitePaths.Events),
        }, language: Language.Welsh);

        Assert.Contains(WelshChecks.EnglishLeftIn(PageChecks.Parse(html)), e => e.Contains("SkipLink", StringComparison.Ordinal));
    }
}
