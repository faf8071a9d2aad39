using AngleSharp.Html.Parser;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Search;
using CoproWeek.Tests.Site;
using CoproWeek.Tests.Welsh;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Tests.Listings;

/// <summary>Search matches Welsh words in Welsh and bilingual listings, accents folded, and answers in Welsh.</summary>
public sealed class WelshSearchTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private static TextIndex Index() => new(SearchCatalogue.From(
    [
        BilingualOutputTests.Bilingual(),
        SiteSamples.Published(SiteSamples.Details() with
        {
            Title = "Bore coffi yn y caffi", Summary = "Paned a sgwrs i ofalwyr.", Language = ListingLanguage.Welsh, Region = "wales",
        }, "evt-welsh", "bore-coffi"),
        SiteSamples.Published(SiteSamples.Details() with { Title = "Carers' café morning", Summary = "Tea and talk for the carers of Leeds." }, "evt-english", "cafe-morning"),
    ], [], Now, SiteSamples.Options()));

    private static SearchQuery Query(Language language, params (string Key, string Value)[] values)
    {
        var (query, errors) = SearchQuery.Read(new QueryCollection(values.ToDictionary(v => v.Key, v => new StringValues(v.Value))), language);
        Assert.Empty(errors);
        return query with { Language = language };
    }

    private static IEnumerable<string> Ids(TextIndex index, string q, Language language = Language.English) =>
        index.Search(Query(language, ("q", q))).Hits.Select(h => h.Item.Id).Order();

    [Fact]
    public void A_Welsh_word_finds_bilingual_and_Welsh_listings_with_or_without_accents_and_English_is_still_stemmed()
    {
        using var index = Index();

        Assert.Equal(["evt-bilingual"], Ids(index, "gweithdy"));
        Assert.Equal(["evt-bilingual"], Ids(index, "gwëithdy"));
        Assert.Equal(["evt-bilingual"], Ids(index, "Gweithdy Nghaerdydd", Language.Welsh));
        Assert.Equal(["evt-english"], Ids(index, "cafe"));
        Assert.Equal(["evt-english"], Ids(index, "café"));
        Assert.Equal(["evt-bilingual", "evt-welsh"], Ids(index, "caffi"));
        Assert.Equal(["evt-english"], Ids(index, "mornings"));
        Assert.Equal(["evt-bilingual"], Ids(index, "workshops"));
        // The little words are left out in both languages alike, so they never stop a match.
        Assert.Equal(["evt-english"], Ids(index, "the carers of Leeds"));
        Assert.Equal(["evt-welsh"], Ids(index, "paned a sgwrs"));
    }

    [Fact]
    public void A_bilingual_result_shows_the_readers_language_with_the_word_marked()
    {
        using var index = Index();

        var welsh = index.Search(Query(Language.Welsh, ("q", "gweithdy"))).Hits.Single();
        var english = index.Search(Query(Language.English, ("q", "gweithdy"))).Hits.Single();

        Assert.Equal("<mark>Gweithdy</mark> cyd-gynhyrchu yng Nghaerdydd", welsh.TitleHtml);
        Assert.Equal("Co-production workshop in Cardiff", english.TitleHtml);
        Assert.Equal("https://www.coproductionweek.example/cy/events/co-production-workshop-in-cardiff/", welsh.Item.TextFor(Language.Welsh).Url);
    }

    [Fact]
    public void The_Welsh_search_page_speaks_Welsh_and_marks_English_listings_as_English()
    {
        using var index = Index();
        var everything = Query(Language.Welsh);
        var nothing = Query(Language.Welsh, ("q", "zzzz"), ("region", "wales"), ("access", "bsl"), ("cost", "free"));

        var page = PageChecks.Parse(SearchPage.Render(SiteSamples.Options(), everything, index.Search(everything), null, Language.Welsh));
        var empty = PageChecks.Parse(SearchPage.Render(SiteSamples.Options(), nothing, index.Search(nothing), null, Language.Welsh));
        var (_, errors) = SearchQuery.Read(new QueryCollection(new Dictionary<string, StringValues> { ["region"] = "atlantis" }), Language.Welsh);
        var problem = PageChecks.Parse(SearchPage.Render(SiteSamples.Options(), Query(Language.Welsh), null, errors, Language.Welsh));

        WelshChecks.AssertWelshPage(page);
        WelshChecks.AssertWelshPage(empty);
        WelshChecks.AssertWelshPage(problem);
        Assert.Equal("3 o ganlyniadau", page.QuerySelector("#count")?.TextContent);
        Assert.Equal("https://hub.coproductionweek.example/api/cy/search", page.QuerySelector("form.finder")?.GetAttribute("action"));
        Assert.Equal("https://hub.coproductionweek.example/api/search", page.QuerySelector("a.language-link")?.GetAttribute("href"));
        var english = page.QuerySelectorAll("li.card").Single(c => c.QuerySelector("h3")!.TextContent == "Carers' café morning");
        Assert.Equal("en-GB", english.QuerySelector("h3")?.GetAttribute("lang"));
        Assert.Equal("Yn Saesneg", english.QuerySelector(".listing-language")?.TextContent);
        var bilingual = page.QuerySelectorAll("li.card h3").Single(h => h.TextContent == "Gweithdy cyd-gynhyrchu yng Nghaerdydd");
        Assert.Null(bilingual.GetAttribute("lang"));
        Assert.Equal("https://www.coproductionweek.example/cy/events/co-production-workshop-in-cardiff/", bilingual.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("main h2"), h => h.TextContent == "dydd Llun 5 Gorffennaf 2027");
        Assert.Contains(empty.QuerySelectorAll("main li a"), a => a.TextContent == "tynnu y rhanbarth Cymru");
        Assert.Equal("Dewiswch ranbarth o'r rhestr.", problem.QuerySelector(".error-summary a")?.TextContent);
    }

    [Fact]
    public void The_English_search_page_marks_a_Welsh_only_listing_as_Welsh()
    {
        using var index = Index();
        var query = Query(Language.English, ("q", "coffi"));

        var page = PageChecks.AssertSoundPage(SearchPage.Render(SiteSamples.Options(), query, index.Search(query)));

        var card = page.QuerySelector("li.card")!;
        Assert.Equal("cy", card.QuerySelector("h3")?.GetAttribute("lang"));
        Assert.Equal("In Welsh", card.QuerySelector(".listing-language")?.TextContent);
        Assert.Equal("https://hub.coproductionweek.example/api/cy/search?q=coffi", page.QuerySelector("a.language-link")?.GetAttribute("href"));
        Assert.Equal("en-GB", new HtmlParser().ParseDocument(SearchPage.Render(SiteSamples.Options(), query, null)).DocumentElement.GetAttribute("lang"));
    }
}
