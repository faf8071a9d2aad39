using System.Text.Json;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Search;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Tests.Search;

/// <summary>Search by kind of story (<c>storyKind</c>): the filter, its check, the form, the JSON and each kind's list page.</summary>
public sealed class StoryKindSearchTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private static SearchCatalogue Catalogue() => SearchCatalogue.From(
        [SiteSamples.Published(SiteSamples.Details() with { Title = "Workshop on peer support" }, "evt-workshop", "workshop")],
        [
            new PublishedPost("p-blog", "what-we-learned", 1, new PublicPost { Title = "What we learned", AuthorName = "Sam", Summary = "A workshop looked back on." }, Now),
            new PublishedPost("p-practice", "ward-visiting", 1,
                new PublicPost { Title = "How our ward co-designed visiting", AuthorName = "Ana", Summary = "A workshop with families.", Kind = StoryKinds.GoodPractice }, Now.AddHours(-1)),
        ],
        Now, SiteSamples.Options());

    private static (SearchQuery Query, Dictionary<string, string[]> Errors) Read(params (string Key, string Value)[] values) =>
        SearchQuery.Read(new QueryCollection(values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => new StringValues(g.Select(v => v.Value).ToArray()))));

    private static SearchQuery Query(params (string Key, string Value)[] values)
    {
        var (query, errors) = Read(values);
        Assert.Empty(errors);
        return query;
    }

    [Fact]
    public void A_good_practice_story_is_found_by_its_kind_and_a_blog_and_events_are_not()
    {
        using var index = new TextIndex(Catalogue());

        Assert.Equal(["p-practice"], index.Search(Query(("storyKind", "good-practice"))).Hits.Select(h => h.Item.Id));
        Assert.Equal(["p-practice"], index.Search(Query(("q", "workshop"), ("storyKind", "good-practice"))).Hits.Select(h => h.Item.Id));
        Assert.Equal(["p-blog"], index.Search(Query(("storyKind", "blog"), ("kind", "stories"))).Hits.Select(h => h.Item.Id));
        Assert.Empty(index.Search(Query(("storyKind", "launch"))).Hits);
        Assert.Equal(0, index.Search(Query(("storyKind", "good-practice"), ("kind", "events"))).Total);
        Assert.Equal(3, index.Search(Query(("q", "workshop"))).Total);
    }

    [Fact]
    public void The_kind_survives_the_stored_catalogue_and_a_story_from_before_kinds_counts_as_a_blog()
    {
        var stored = HubJson.Deserialize<SearchCatalogue>(HubJson.Serialize(Catalogue()));
        var older = stored with { Items = stored.Items.Select(i => i with { KindOfStory = null }).ToList() };

        using var index = new TextIndex(stored);
        using var olderIndex = new TextIndex(older);

        Assert.Equal(["p-practice"], index.Search(Query(("storyKind", "good-practice"))).Hits.Select(h => h.Item.Id));
        Assert.Equal(2, olderIndex.Search(Query(("storyKind", "blog"))).Total);
    }

    [Fact]
    public void An_unknown_kind_of_story_is_refused_naming_the_field_and_the_page_marks_it()
    {
        var (query, errors) = Read(("storyKind", "opinion"));
        var page = PageChecks.AssertSoundPage(SearchPage.Render(SiteSamples.Options(), query, null, errors));

        Assert.Equal(["storyKind"], errors.Keys);
        Assert.Null(query.StoryKind);
        Assert.Equal("#finder-storyKind", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("true", page.QuerySelector("#finder-storyKind")?.GetAttribute("aria-invalid"));
        Assert.Equal(["storyKind"], Read(("storyKind", "blog"), ("storyKind", "launch")).Errors.Keys);
    }

    [Fact]
    public void The_JSON_names_each_storys_kind_and_what_was_asked()
    {
        using var index = new TextIndex(Catalogue());
        var query = Query(("q", "workshop"));

        var answer = JsonDocument.Parse(HubJson.Serialize(SearchAnswer.From(query, index.Search(query)))).RootElement;
        var kinds = answer.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.TryGetProperty("storyKind", out var k) ? k.GetString() : null);
        var asked = JsonDocument.Parse(HubJson.Serialize(SearchAnswer.From(Query(("storyKind", "good-practice")), index.Search(Query(("storyKind", "good-practice")))))).RootElement;

        Assert.Equal("good-practice", kinds["p-practice"]);
        Assert.Equal("blog", kinds["p-blog"]);
        Assert.Null(kinds["evt-workshop"]);
        Assert.Equal("good-practice", asked.GetProperty("query").GetProperty("storyKind").GetString());
    }

    [Fact]
    public void The_search_form_offers_the_kind_of_story_where_stories_are_searched_and_results_say_their_kind()
    {
        using var index = new TextIndex(Catalogue());
        var query = Query(("storyKind", "good-practice"));

        var page = PageChecks.AssertSoundPage(SearchPage.Render(SiteSamples.Options(), query, index.Search(query)));
        var eventsOnly = new HtmlParser().ParseDocument(SearchPage.Render(SiteSamples.Options(), Query(("kind", "events")), index.Search(Query(("kind", "events")))));

        Assert.Equal("good-practice", page.QuerySelector("#finder-storyKind option[selected]")?.GetAttribute("value"));
        Assert.Equal(["", "blog", "good-practice", "launch"], page.QuerySelectorAll("#finder-storyKind option").Select(o => o.GetAttribute("value")));
        Assert.StartsWith("Good practice example by Ana", page.QuerySelector("li.card h3 + p")?.TextContent);
        Assert.Null(eventsOnly.QuerySelector("#finder-storyKind"));
        var nothing = Query(("q", "zebra"), ("storyKind", "launch"));
        var none = new HtmlParser().ParseDocument(SearchPage.Render(SiteSamples.Options(), nothing, index.Search(nothing)));
        Assert.Contains(none.QuerySelectorAll("main li a"), a => a.TextContent == "remove the kind of story launch"
            && a.GetAttribute("href") == "https://hub.coproductionweek.example/api/search?q=zebra");
    }

    [Fact]
    public void Each_kinds_list_page_has_a_form_that_searches_only_that_kind()
    {
        var pages = StoryKindPages.Render([], SiteSamples.Options());

        var page = PageChecks.AssertSoundPage(pages.Single(p => p.Path == StoryKindPages.Path(StoryKinds.GoodPractice)).Content);
        var form = page.QuerySelector("form[role=search]")!;

        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("https://hub.coproductionweek.example/api/search", form.GetAttribute("action"));
        Assert.Equal("good-practice", form.QuerySelector("input[name=storyKind]")?.GetAttribute("value"));
        Assert.Equal("stories", form.QuerySelector("input[name=kind]")?.GetAttribute("value"));
        Assert.Equal("Words to search for", form.QuerySelector("label[for=kind-search-q]")?.TextContent);
        Assert.Equal("Search good practice examples", form.QuerySelector("h2")?.TextContent);
    }
}
