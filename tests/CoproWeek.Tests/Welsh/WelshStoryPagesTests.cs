using System.Xml.Linq;
using AngleSharp.Dom;
using CoproWeek.Hub;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Site;

namespace CoproWeek.Tests.Welsh;

/// <summary>The story pages, the story lists, the 404 and taken-down pages, and the sitemap, in Welsh as well as English.</summary>
public sealed class WelshStoryPagesTests
{
    private static readonly DateTimeOffset Published = new(2027, 7, 5, 9, 15, 0, TimeSpan.FromHours(1));

    private static PublishedPost Story(string id, string slug, PublicPost? post = null) => new(id, slug, 2, post ?? new PublicPost
    {
        Title = "What our carers’ panel changed",
        Summary = "A year of monthly meetings, led by carers.",
        AuthorName = "Sam Example",
        Organisation = "Example Carers Group",
        Kind = StoryKinds.GoodPractice,
        Tags = ["carers"],
        Images = [new PublicImage("https://www.coproductionweek.example/posts/panel/image-1.jpg", "Six people round a table", 1600, 1067)],
    }, Published);

    private static PublishedPost Bilingual() => Story("post-bi", "our-panel", new PublicPost
    {
        Title = "Our panel, in two languages",
        Summary = "What the panel changed.",
        AuthorName = "Sam Example",
        Language = ListingLanguage.Bilingual,
        Welsh = new WelshPublicText("Ein panel, mewn dwy iaith", "Beth newidiodd y panel."),
    });

    private static PublishedPost WelshOnly() => Story("post-cy", "ein-gwyl", new PublicPost
    {
        Title = "Ein gŵyl gyd-gynhyrchu",
        Summary = "Diwrnod o sgyrsiau yng Nghaerdydd.",
        AuthorName = "Elin Enghraifft",
        Language = ListingLanguage.Welsh,
    });

    [Fact]
    public void A_story_page_in_Welsh_speaks_Welsh_and_marks_an_English_story_as_English()
    {
        var options = SiteSamples.Options();
        var page = PageChecks.Parse(PostPage.Render(Story("post-1", "panel"), "<p>We met every month.</p>", null, options, Published, Language.Welsh));

        WelshChecks.AssertWelshPage(page);
        Assert.Equal("en-GB", page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("en-GB", page.QuerySelector("div.story")!.GetAttribute("lang"));
        Assert.Equal("Arfer da", page.QuerySelector(".story-kind")!.TextContent);
        Assert.StartsWith("Gan ", page.QuerySelector(".byline")!.TextContent);
        Assert.Contains("dydd Llun 5 Gorffennaf 2027", page.QuerySelector("article time")!.TextContent);
        Assert.Equal("https://www.coproductionweek.example/cy/posts/panel/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://www.coproductionweek.example/posts/panel/", page.QuerySelector("a.language-link")!.GetAttribute("href"));
        var mainLinks = page.QuerySelectorAll("main > p a");
        Assert.Equal("https://www.coproductionweek.example/cy/posts/", mainLinks[mainLinks.Length - 1].GetAttribute("href"));
        Assert.Equal("https://hub.coproductionweek.example/api/cy/reports/new?item=post-1", page.QuerySelector(".report-link a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_bilingual_story_shows_the_readers_language_first_and_the_other_after_marked_with_its_language()
    {
        var options = SiteSamples.Options();
        string Render(Language language) => PostPage.Render(Bilingual(), "<p>We met every month.</p>", null, options, Published, language, "<p>Fe wnaethon ni gwrdd bob mis.</p>");

        var welsh = PageChecks.Parse(Render(Language.Welsh));
        WelshChecks.AssertWelshPage(welsh);
        Assert.Equal("Ein panel, mewn dwy iaith", welsh.QuerySelector("h1")!.TextContent);
        var stories = welsh.QuerySelectorAll("div.story");
        Assert.Equal(["Fe wnaethon ni gwrdd bob mis.", "We met every month."], stories.Select(s => s.TextContent.Trim()));
        Assert.Equal("cy", stories[0].GetAttribute("lang"));
        Assert.Equal("en-GB", stories[1].Closest("[lang]")!.GetAttribute("lang"));
        Assert.Equal("Y stori yn Saesneg", welsh.QuerySelector(".story-other-language h2")!.TextContent);

        var english = PageChecks.AssertSoundPage(Render(Language.English));
        Assert.Equal("Our panel, in two languages", english.QuerySelector("h1")!.TextContent);
        Assert.Equal(["We met every month.", "Fe wnaethon ni gwrdd bob mis."], english.QuerySelectorAll("div.story").Select(s => s.TextContent.Trim()));
        Assert.Equal("cy", english.QuerySelectorAll("div.story")[1].Closest("[lang]")!.GetAttribute("lang"));
        Assert.Equal("https://www.coproductionweek.example/cy/posts/our-panel/", english.QuerySelector("a.language-link")!.GetAttribute("href"));
    }

    [Fact]
    public void The_story_lists_in_Welsh_link_to_Welsh_pages_and_an_English_list_marks_a_Welsh_only_story()
    {
        var options = SiteSamples.Options();
        PublishedPost[] posts = [Story("post-1", "panel"), Bilingual(), WelshOnly()];

        var list = PageChecks.Parse(PostList.RenderPages(posts, options, Language.Welsh)["cy/posts/index.html"]);
        WelshChecks.AssertWelshPage(list);
        Assert.Equal("Straeon", list.QuerySelector("h1")!.TextContent);
        Assert.All(list.QuerySelectorAll("li.card h2 a"), a => Assert.StartsWith("https://www.coproductionweek.example/cy/posts/", a.GetAttribute("href")));
        var bilingual = list.QuerySelectorAll("li.card h2 a").Single(a => a.GetAttribute("href")!.EndsWith("/our-panel/", StringComparison.Ordinal));
        Assert.Equal("Ein panel, mewn dwy iaith", bilingual.TextContent);
        Assert.Null(bilingual.GetAttribute("lang"));
        Assert.Equal("en-GB", list.QuerySelectorAll("li.card h2 a").Single(a => a.GetAttribute("href")!.EndsWith("/panel/", StringComparison.Ordinal)).GetAttribute("lang"));
        Assert.Equal("3 o straeon", list.QuerySelector("#count")!.TextContent);

        // The list shows thumbnails, which the sound-page check (written for pages without pictures) refuses.
        var english = PageChecks.Parse(PostList.RenderPages(posts, options)[PostPaths.Posts]);
        Assert.Equal("en-GB", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("https://www.coproductionweek.example/cy/posts/", english.QuerySelector("a.language-link")!.GetAttribute("href"));
        var welshCard = english.QuerySelectorAll("li.card").Single(c => c.QuerySelector("h2 a")!.GetAttribute("href")!.EndsWith("/ein-gwyl/", StringComparison.Ordinal));
        Assert.Equal("cy", welshCard.QuerySelector("h2 a")!.GetAttribute("lang"));
        Assert.Equal("In Welsh", welshCard.QuerySelector(".story-language")!.TextContent);
        Assert.Null(english.QuerySelectorAll("li.card").Single(c => c.QuerySelector("h2 a")!.GetAttribute("href")!.EndsWith("/our-panel/", StringComparison.Ordinal)).QuerySelector(".story-language"));

        foreach (var file in StoryKindPages.Render(posts, options, Language.Welsh))
        {
            Assert.StartsWith("cy/posts/kind/", file.Path);
            var kind = PageChecks.Parse(file.Content);
            WelshChecks.AssertWelshPage(kind);
            Assert.Equal("https://hub.coproductionweek.example/api/cy/search", kind.QuerySelector("form[role=search]")!.GetAttribute("action"));
        }
    }

    [Fact]
    public void The_not_found_and_taken_down_pages_speak_Welsh_under_cy()
    {
        var options = SiteSamples.Options();
        IDocument notFound = PageChecks.Parse(PlainPages.NotFound(options, Language.Welsh));
        WelshChecks.AssertWelshPage(notFound);
        Assert.Equal("Heb ddod o hyd i'r dudalen", notFound.QuerySelector("h1")!.TextContent);
        Assert.Equal("https://www.coproductionweek.example/", notFound.QuerySelector("a.language-link")!.GetAttribute("href"));

        var story = PageChecks.Parse(TakenDownPage.Render(options, "post", Language.Welsh, PostPaths.Page("panel")));
        WelshChecks.AssertWelshPage(story);
        Assert.Equal("Mae'r stori hon wedi'i thynnu i lawr", story.QuerySelector("h1")!.TextContent);
        Assert.Equal("https://www.coproductionweek.example/posts/panel/", story.QuerySelector("a.language-link")!.GetAttribute("href"));
        Assert.Equal("noindex, nofollow", story.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        WelshChecks.AssertWelshPage(PageChecks.Parse(TakenDownPage.Render(options, "event", Language.Welsh)));

        var english = PageChecks.AssertSoundPage(TakenDownPage.Render(options, "post", englishPath: PostPaths.Page("panel")));
        Assert.Equal("This story has been taken down", english.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void The_sitemap_lists_every_page_in_both_languages_each_naming_its_twin()
    {
        var options = SiteSamples.Options();
        PublishedPost[] posts = [Story("post-1", "panel"), WelshOnly()];
        var xml = XDocument.Parse(Sitemap.Render([SiteSamples.Published()], options, PostSite.SitemapUrls(posts, options)));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = xml.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value);
        foreach (var path in new[] { "", "events/", "events/planning-our-carers-strategy/", "posts/", "posts/panel/", "posts/kind/launch/", "submit-post/" })
        {
            var english = "https://www.coproductionweek.example/" + path;
            var welsh = "https://www.coproductionweek.example/cy/" + path;
            foreach (var entry in new[] { urls[english], urls[welsh] })
            {
                var links = entry.Elements(xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!);
                Assert.Equal(english, links["en"]);
                Assert.Equal(welsh, links["cy"]);
                Assert.All(entry.Elements(xhtml + "link"), l => Assert.Equal("alternate", (string?)l.Attribute("rel")));
            }
        }
        Assert.NotNull(urls["https://www.coproductionweek.example/cy/posts/ein-gwyl/"].Element(ns + "lastmod"));
    }
}
