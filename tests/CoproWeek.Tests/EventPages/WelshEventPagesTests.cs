using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Site;
using CoproWeek.Tests.Welsh;

namespace CoproWeek.Tests.EventPages;

/// <summary>Every event page type in Welsh: no English interface words, Welsh links, and each listing's own words marked with their language.</summary>
public sealed class WelshEventPagesTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static PublishedEvent Bilingual() => SiteSamples.Published(SiteSamples.Details() with
    {
        Language = ListingLanguage.Bilingual,
        Welsh = new WelshEventText
        {
            Title = "Cynllunio ein strategaeth gofalwyr gyda'n gilydd",
            Summary = "Gofalwyr a staff y cyngor yn cynllunio cymorth y flwyddyn nesaf.",
            Description = "Byddwn yn rhannu beth ddywedodd gofalwyr wrthym.",
        },
    }, "evt-bilingual", "cynllunio-bilingual");

    private static PublishedEvent WelshOnly() => SiteSamples.Published(SiteSamples.Details() with
    {
        Language = ListingLanguage.Welsh,
        Title = "Bore coffi gofalwyr Caerdydd",
        Summary = "Sgwrs anffurfiol am gyd-gynhyrchu.",
        Description = "Dewch am baned.",
        EasyRead = null,
        Region = "wales",
        Cost = "£3 y pen",
        Start = new DateTimeOffset(2027, 7, 7, 10, 0, 0, TimeSpan.FromHours(1)),
        End = new DateTimeOffset(2027, 7, 7, 11, 0, 0, TimeSpan.FromHours(1)),
    }, "evt-cy", "bore-coffi");

    [Fact]
    public void The_Welsh_event_page_speaks_Welsh_links_to_Welsh_lists_and_marks_an_English_listing_as_English()
    {
        var page = PageChecks.Parse(EventPage.Render(SiteSamples.Published(), SiteSamples.Options(), Language.Welsh));

        WelshChecks.AssertWelshPage(page);
        Assert.Equal("en-GB", page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("https://www.coproductionweek.example/cy/events/planning-our-carers-strategy/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://www.coproductionweek.example/events/planning-our-carers-strategy/", page.QuerySelector("a.language-link")!.GetAttribute("href"));
        Assert.Contains("dydd Llun 5 Gorffennaf 2027", page.QuerySelector("dl.facts time")!.TextContent);
        var region = page.QuerySelectorAll("dl.facts a").Single();
        Assert.Equal(("Llundain", "https://www.coproductionweek.example/cy/events/region/london/"), (region.TextContent, region.GetAttribute("href")));
        Assert.Contains(page.QuerySelectorAll("ul.tags a"), a => a.GetAttribute("href") == "https://www.coproductionweek.example/cy/events/topic/social-care/");
        Assert.All(page.QuerySelectorAll("ul.checklist a"), a => Assert.StartsWith("https://www.coproductionweek.example/cy/events/access/", a.GetAttribute("href")));
        Assert.EndsWith("&lang=cy", page.QuerySelector(".report-link a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_bilingual_event_shows_the_readers_language_first_and_the_other_after_it_each_marked()
    {
        var welsh = PageChecks.Parse(EventPage.Render(Bilingual(), SiteSamples.Options(), Language.Welsh));
        var english = PageChecks.AssertSoundPage(EventPage.Render(Bilingual(), SiteSamples.Options()));

        WelshChecks.AssertWelshPage(welsh);
        Assert.Equal("Cynllunio ein strategaeth gofalwyr gyda'n gilydd", welsh.QuerySelector("h1")!.TextContent);
        Assert.Null(welsh.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("Yn Saesneg", welsh.QuerySelector(".other-language h2")!.TextContent);
        Assert.Equal("en-GB", welsh.QuerySelector(".other-language h3")!.Closest("[lang]")!.GetAttribute("lang"));
        Assert.Equal("Planning our carers' strategy together", welsh.QuerySelector(".other-language h3")!.TextContent);

        Assert.Equal("Planning our carers' strategy together", english.QuerySelector("h1")!.TextContent);
        Assert.Null(english.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("In Welsh", english.QuerySelector(".other-language h2")!.TextContent);
        Assert.Equal("cy", english.QuerySelector(".other-language h3")!.Closest("[lang]")!.GetAttribute("lang"));
        Assert.Equal("Cynllunio ein strategaeth gofalwyr gyda'n gilydd", english.QuerySelector(".other-language h3")!.TextContent);
        Assert.Equal("https://www.coproductionweek.example/cy/events/cynllunio-bilingual/", english.QuerySelector("a.language-link")!.GetAttribute("href"));
        var google = welsh.QuerySelectorAll(".calendar-links a").Single(a => a.GetAttribute("href")!.StartsWith("https://calendar.google.com/", StringComparison.Ordinal));
        Assert.Contains("&text=" + Uri.EscapeDataString("Cynllunio ein strategaeth gofalwyr gyda'n gilydd"), google.GetAttribute("href"));
        Assert.Contains(Uri.EscapeDataString("https://www.coproductionweek.example/cy/events/cynllunio-bilingual/"), google.GetAttribute("href"));
    }

    [Fact]
    public void Every_Welsh_list_and_filter_page_speaks_Welsh_and_a_Welsh_listing_is_marked_in_both_languages()
    {
        PublishedEvent[] events = [SiteSamples.Published(), SiteSamples.Online(), Bilingual(), WelshOnly()];

        var welshPages = EventList.RenderPages(events, Now, SiteSamples.Options(), Language.Welsh);
        var englishList = PageChecks.Parse(EventList.RenderPages(events, Now, SiteSamples.Options())[SitePaths.Events]);

        Assert.Equal(EventList.PagePaths().Select(p => "cy/" + p).Order(), welshPages.Keys.Order());
        foreach (var (_, html) in welshPages)
        {
            WelshChecks.AssertWelshPage(PageChecks.Parse(html));
        }
        var welshList = PageChecks.Parse(welshPages["cy/events/index.html"]);
        Assert.Equal("Digwyddiadau", welshList.QuerySelector("h1")!.TextContent);
        var welshCard = welshList.QuerySelectorAll("li.card").Single(c => c.QuerySelector("h3")!.TextContent == "Bore coffi gofalwyr Caerdydd");
        Assert.Equal("Yn Gymraeg", welshCard.QuerySelector(".listing-language")!.TextContent);
        Assert.Null(welshCard.QuerySelector("h3 a")!.GetAttribute("lang"));
        Assert.Equal("https://www.coproductionweek.example/cy/events/bore-coffi/", welshCard.QuerySelector("h3 a")!.GetAttribute("href"));
        var englishCard = englishList.QuerySelectorAll("li.card").Single(c => c.QuerySelector("h3")!.TextContent == "Bore coffi gofalwyr Caerdydd");
        Assert.Equal("In Welsh", englishCard.QuerySelector(".listing-language")!.TextContent);
        Assert.Equal("cy", englishCard.QuerySelector("h3 a")!.GetAttribute("lang"));
        Assert.Equal("cy", englishCard.QuerySelector("dd[lang]")!.GetAttribute("lang"));
        var bilingualCard = englishList.QuerySelectorAll("li.card").Single(c => c.QuerySelector("h3")!.TextContent == "Planning our carers' strategy together" && c.QuerySelector(".other-language") is not null);
        Assert.Equal("cy", bilingualCard.QuerySelector(".other-language")!.GetAttribute("lang"));
        Assert.Equal("Digwyddiadau: Cymru", PageChecks.Parse(welshPages["cy/events/region/wales/index.html"]).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void The_Welsh_home_page_speaks_Welsh_and_leads_with_the_week_in_Welsh()
    {
        var page = PageChecks.Parse(HomePage.Render([SiteSamples.Published(), WelshOnly()], Now, SiteSamples.Options(), new HomeFeatures([], 12), language: Language.Welsh));

        WelshChecks.AssertWelshPage(page);
        Assert.Equal("Wythnos Cyd-gynhyrchu", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Gorffennaf 2027", page.QuerySelector(".week-dates")!.TextContent);
        Assert.Equal("https://www.coproductionweek.example/cy/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://www.coproductionweek.example/cy/submit-event/", links);
        Assert.Contains("https://www.coproductionweek.example/cy/events/region/wales/", links);
        Assert.Contains("Mae 12 sefydliad yn cefnogi'r wythnos", page.QuerySelector(".supporters-count")!.TextContent);
    }
}
