using AngleSharp.Html.Parser;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Search;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Tests.Search;

/// <summary>The search index and its page, from the pure parts: filters combined, words stemmed and folded, ranked and marked.</summary>
public sealed class SearchIndexTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly PublishedEvent BslWalesOnline = SiteSamples.Published(SiteSamples.Details() with
    {
        Title = "Gŵyl cydgynhyrchu: planning workshops with people who use services",
        Summary = "A Welsh festival of co-production, online.",
        Region = "wales",
        Format = "online",
        Venue = null,
        Online = new OnlineDetails { JoiningInfo = "A link by email." },
        Access = new Access { Bsl = true, Captions = true },
        Cost = "free",
        Start = new DateTimeOffset(2027, 7, 6, 10, 0, 0, TimeSpan.FromHours(1)),
        End = new DateTimeOffset(2027, 7, 6, 12, 0, 0, TimeSpan.FromHours(1)),
    }, "evt-bsl-wales", "gwyl");

    private static PublishedEvent[] Events() =>
    [
        BslWalesOnline,
        // Same region, day and format, but no BSL.
        SiteSamples.Published(BslWalesOnline.Details with { Title = "Cardiff carers' coffee", Summary = "Tea and talk.", Access = new Access { Captions = true } }, "evt-no-bsl", "coffee"),
        // BSL in Wales, online, but the next day.
        SiteSamples.Published(BslWalesOnline.Details with
        {
            Title = "Swansea housing panel", Summary = "Housing, co-produced.",
            Start = BslWalesOnline.Details.Start.AddDays(1), End = BslWalesOnline.Details.End.AddDays(1),
        }, "evt-next-day", "housing"),
        // BSL on the day, online, but in London and paid.
        SiteSamples.Published(BslWalesOnline.Details with { Title = "London research webinar", Summary = "Research.", Region = "london", Cost = "£5" }, "evt-london", "webinar"),
        // Mentions workshops only in its description: ranks below a title match.
        SiteSamples.Published(SiteSamples.Details() with { Title = "Carers' strategy day", Description = "There will be a workshop after lunch." }, "evt-text-only", "strategy"),
    ];

    private static TextIndex Index() => new(SearchCatalogue.From(Events(),
        [new PublishedPost("p1", "our-festival", 1, new PublicPost { Title = "What the festival taught us", AuthorName = "Sam", Summary = "Notes on co-production.", Tags = ["health"] }, Now)],
        Now, SiteSamples.Options(),
        new Dictionary<string, string> { ["p1"] = "<p>We ran a <strong>workshop</strong> in Aberystwyth.</p>" }));

    private static SearchQuery Query(params (string Key, string Value)[] values)
    {
        var (query, errors) = SearchQuery.Read(new QueryCollection(values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => new StringValues(g.Select(v => v.Value).ToArray()))));
        Assert.Empty(errors);
        return query;
    }

    [Fact]
    public void Region_format_access_day_and_cost_combine_to_find_only_the_event_that_has_them_all()
    {
        using var index = Index();

        var results = index.Search(Query(("region", "wales"), ("format", "online"), ("access", "bsl"), ("day", "2027-07-06"), ("cost", "free"), ("kind", "events")));

        Assert.Equal(["evt-bsl-wales"], results.Hits.Select(h => h.Item.Id));
        Assert.Equal(3, index.Search(Query(("day", "2027-07-06"), ("access", "captions"))).Total);
        Assert.Equal(["evt-london"], index.Search(Query(("cost", "paid"))).Hits.Select(h => h.Item.Id));
    }

    [Fact]
    public void Words_are_stemmed_and_a_Welsh_word_matches_with_or_without_its_accent_and_is_marked()
    {
        using var index = Index();

        var plain = index.Search(Query(("q", "gwyl")));
        var accented = index.Search(Query(("q", "Gŵyl")));

        Assert.Equal(["evt-bsl-wales"], plain.Hits.Select(h => h.Item.Id));
        Assert.Equal(["evt-bsl-wales"], accented.Hits.Select(h => h.Item.Id));
        Assert.StartsWith("<mark>Gŵyl</mark> cydgynhyrchu", plain.Hits[0].TitleHtml);
        Assert.True(plain.Ranked);
    }

    [Fact]
    public void A_word_in_the_title_ranks_above_the_same_word_in_the_text_and_stories_match_by_their_words()
    {
        using var index = Index();

        var results = index.Search(Query(("q", "workshop")));

        Assert.Equal("evt-bsl-wales", results.Hits[0].Item.Id);
        Assert.Contains(results.Hits, h => h.Item.Id == "evt-text-only");
        Assert.Contains(results.Hits, h => h.Item.Id == "p1");
        Assert.Equal(["p1"], index.Search(Query(("q", "aberystwyth"))).Hits.Select(h => h.Item.Id));
        Assert.Empty(index.Search(Query(("q", "aberystwyth"), ("kind", "events"))).Hits);
    }

    [Fact]
    public void Search_syntax_and_markup_in_the_words_are_taken_as_text()
    {
        using var index = Index();

        var odd = index.Search(Query(("q", "\"(workshop AND\" <script>")));
        var page = new HtmlParser().ParseDocument(SearchPage.Render(SiteSamples.Options(), Query(("q", "<script>alert(1)</script>")), index.Search(Query(("q", "<script>alert(1)</script>")))));

        Assert.NotNull(odd);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Contains("<script>alert(1)</script>", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Nothing_found_says_what_to_try_with_a_link_that_removes_each_filter()
    {
        using var index = Index();
        var query = Query(("q", "gwyl"), ("region", "scotland"), ("access", "bsl"));

        var page = new HtmlParser().ParseDocument(SearchPage.Render(SiteSamples.Options(), query, index.Search(query)));

        Assert.Equal("0 results", page.QuerySelector("#count")!.TextContent);
        var links = page.QuerySelectorAll("main li a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("remove the region Scotland", "https://hub.coproductionweek.example/api/search?q=gwyl&access=bsl"), links);
        Assert.Contains(("remove BSL interpretation", "https://hub.coproductionweek.example/api/search?q=gwyl&region=scotland"), links);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "https://www.coproductionweek.example/submit-event/");
    }

    [Fact]
    public void The_events_list_is_grouped_by_day_with_a_heading_each_and_offers_the_combined_search_form()
    {
        var page = PageChecks.AssertSoundPage(EventList.RenderPages(Events(), Now, SiteSamples.Options())[SitePaths.Events]);

        var days = page.QuerySelectorAll("main > h2").Select(h => h.TextContent).Where(t => t.Contains("2027")).ToList();
        Assert.Equal(["Monday 5 July 2027", "Tuesday 6 July 2027", "Wednesday 7 July 2027"], days);
        var tuesday = page.QuerySelectorAll("main > h2").Single(h => h.TextContent == "Tuesday 6 July 2027").NextElementSibling!;
        Assert.Equal(3, tuesday.QuerySelectorAll("li.card").Length);
        var form = page.QuerySelector("form.finder")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("https://hub.coproductionweek.example/api/search", form.GetAttribute("action"));
        Assert.Equal(["q", "region", "format", "day", "topic", "cost", "kind", "access"],
            form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")!).Distinct());
        Assert.Equal("2027-07-06", form.QuerySelectorAll("#finder-day option")[2].GetAttribute("value"));
    }
}
