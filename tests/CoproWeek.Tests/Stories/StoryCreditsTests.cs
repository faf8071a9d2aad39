using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Stories;

/// <summary>Bylines with roles and co-authors, stories first published elsewhere, and kinds of story, through the host.</summary>
public sealed class StoryCreditsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static List<SamplePost.Part> CoWritten(string title = "Our panel, written together")
    {
        var parts = SamplePost.Parts(title: title, images: 0);
        parts.Add(new("authorRole", "Head of Co-production"));
        parts.Add(new("authors[1].name", "Laura Able"));
        parts.Add(new("authors[1].role", "Co-production Steering Group and Network member"));
        return parts;
    }

    [Fact]
    public async Task A_co_written_story_has_a_byline_with_roles_two_Persons_in_its_JSON_LD_and_both_authors_in_the_feeds()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var answer = await SamplePost.SubmitAsync(client, CoWritten());
        await SamplePost.ApproveAsync(hub, answer.Id);
        var path = await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        Assert.Equal("By Sam Example, Head of Co-production, Example Carers Group and Laura Able, Co-production Steering Group and Network member",
            page.QuerySelector(".byline")?.TextContent);
        Assert.Null(page.QuerySelector(".first-appeared"));
        Assert.EndsWith(path, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        var authors = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.GetProperty("author");
        Assert.Equal(2, authors.GetArrayLength());
        Assert.All(authors.EnumerateArray(), a => Assert.Equal("Person", a.GetProperty("@type").GetString()));
        Assert.Equal("Head of Co-production", authors[0].GetProperty("jobTitle").GetString());
        Assert.Equal("Organization", authors[0].GetProperty("worksFor").GetProperty("@type").GetString());
        Assert.Equal("Example Carers Group", authors[0].GetProperty("worksFor").GetProperty("name").GetString());
        Assert.Equal("Laura Able", authors[1].GetProperty("name").GetString());
        Assert.False(authors[1].TryGetProperty("worksFor", out _));

        var atom = await Eventually.GetAsync(async () => await FeedAsync(client, "/atom.xml") is { } f && f.Items.Any(i => Link(i).EndsWith(path)) ? f : null, "the Atom feed to carry the story");
        var item = atom.Items.Single(i => Link(i).EndsWith(path));
        Assert.Equal(["Sam Example, Head of Co-production, Example Carers Group", "Laura Able, Co-production Steering Group and Network member"], item.Authors.Select(a => a.Name));
        var rss = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/feed.xml"));
        var rssItem = rss.Descendants("item").Single(i => i.Element("link")!.Value.EndsWith(path));
        Assert.Equal(item.Authors.Select(a => a.Name), rssItem.Elements(System.Xml.Linq.XName.Get("creator", "http://purl.org/dc/elements/1.1/")).Select(c => c.Value));
        var manage = await client.SendAsync(SamplePost.WithToken(HttpMethod.Get, $"/api/posts/{answer.Id}", SamplePost.Token(answer)));
        var post = JsonDocument.Parse(await manage.Content.ReadAsStringAsync()).RootElement.GetProperty("post");
        Assert.Equal(2, post.GetProperty("authors").GetArrayLength());
        Assert.Equal("blog", post.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Authors_sent_as_one_JSON_part_are_read_like_the_fields()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var parts = SamplePost.Parts(images: 0).Where(p => p.Name is not ("authorName" or "organisation")).ToList();
        parts.Add(new("authors", """[{"name":"Fleischmann","role":"Head of Co-production","organisation":"SCIE"},{"name":"Laura Able"}]"""));

        var answer = await SamplePost.SubmitAsync(client, parts);
        await SamplePost.ApproveAsync(hub, answer.Id);
        var path = await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        Assert.Equal("By Fleischmann, Head of Co-production, SCIE and Laura Able", page.QuerySelector(".byline")?.TextContent);
    }

    [Fact]
    public async Task A_story_first_published_elsewhere_credits_the_original_and_stays_out_of_the_sitemap()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var parts = SamplePost.Parts(title: "Cross-posted from our own blog", images: 0);
        parts.Add(new("originalUrl", "https://www.example.org/blog/our-panel"));
        var home = await SamplePost.SubmitAsync(client);
        await SamplePost.ApproveAsync(hub, home.Id);
        var homePath = await SamplePost.WaitUntilLiveAsync(client, hub, home.Id);

        var answer = await SamplePost.SubmitAsync(client, parts);
        await SamplePost.ApproveAsync(hub, answer.Id);
        var path = await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/posts/")).Contains(path), "the story to be listed");

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        Assert.Equal("https://www.example.org/blog/our-panel", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        var credit = page.QuerySelector(".first-appeared");
        Assert.Equal("This story first appeared on example.org.", credit?.TextContent);
        Assert.Equal("https://www.example.org/blog/our-panel", credit?.QuerySelector("a")?.GetAttribute("href"));
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.Contains(homePath, sitemap);
        Assert.DoesNotContain(path, sitemap);
    }

    [Fact]
    public async Task Each_kind_of_story_has_its_own_list_the_home_page_features_good_practice_and_the_digest_labels_the_kind()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var practice = SamplePost.Parts(title: "How our ward co-designed visiting", images: 0);
        practice.Add(new("kind", "good-practice"));
        var launch = SamplePost.Parts(title: "Launching the Welsh network", images: 0);
        launch.Add(new("kind", "launch"));

        var paths = new List<string>();
        foreach (var parts in new[] { practice, launch, SamplePost.Parts(images: 0) })
        {
            var answer = await SamplePost.SubmitAsync(client, parts);
            await SamplePost.ApproveAsync(hub, answer.Id);
            paths.Add(await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id));
        }
        await Eventually.TrueAsync(async () => paths.All((await client.GetStringAsync("/posts/")).Contains), "every story to be listed");

        var goodPractice = await client.GetStringAsync("/posts/kind/good-practice/");
        var launches = await client.GetStringAsync("/posts/kind/launch/");
        var blogs = await client.GetStringAsync("/posts/kind/blog/");
        Assert.Contains(paths[0], goodPractice);
        Assert.DoesNotContain(paths[1], goodPractice);
        Assert.DoesNotContain(paths[2], goodPractice);
        Assert.Contains(paths[1], launches);
        Assert.DoesNotContain(paths[0], launches);
        Assert.Contains(paths[2], blogs);
        Assert.DoesNotContain(paths[0], blogs);
        var homePage = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        string[] Linked(string heading) => homePage.QuerySelectorAll("h2").Single(h => h.TextContent == heading).NextElementSibling!.NextElementSibling!
            .QuerySelectorAll("a[href*='/posts/']").Select(a => new Uri(a.GetAttribute("href")!).AbsolutePath).ToArray();
        Assert.Equal([paths[0]], Linked("Good practice"));
        Assert.DoesNotContain(paths[0], homePage.QuerySelectorAll("h2").Single(h => h.TextContent == "Stories from the week").NextElementSibling!
            .QuerySelectorAll("a").Select(a => new Uri(a.GetAttribute("href")!).AbsolutePath));
        Assert.Contains("Good practice", new HtmlParser().ParseDocument(await client.GetStringAsync(paths[0])).QuerySelector(".story-kind")?.TextContent);
        Assert.Contains("/posts/kind/launch/", await client.GetStringAsync("/sitemap.xml"));

        var published = await hub.Services.GetRequiredService<PublishedItems>().ListAsync(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        var labels = published.Where(i => i.Kind == "post").ToDictionary(i => new Uri(i.Url).AbsolutePath, i => (i.StoryKind, Text: DigestWords.StoryText(i)));
        Assert.Equal(StoryKinds.GoodPractice, labels[paths[0]].StoryKind);
        Assert.Contains("Story: good practice", labels[paths[0]].Text);
        Assert.Contains("Story: launch", labels[paths[1]].Text);
        Assert.Contains("Story: blog", labels[paths[2]].Text);
    }

    [Fact]
    public async Task Bad_bylines_addresses_and_kinds_get_a_400_naming_each_field()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var cases = new (string Field, Func<List<SamplePost.Part>, List<SamplePost.Part>> Spoil)[]
        {
            ("authorRole", p => [.. p, new("authorRole", new string('r', 121))]),
            ("originalUrl", p => [.. p, new("originalUrl", "http://example.org/first")]),
            ("originalUrl", p => [.. p, new("originalUrl", "javascript:alert(1)")]),
            ("kind", p => [.. p, new("kind", "opinion")]),
            ("authors[1].name", p => [.. p, new("authors[1].role", "Carer")]),
            ("authors", p => [.. p, new("authors[1].name", "B"), new("authors[2].name", "C"), new("authors[3].name", "D")]),
            ("authorName", p => [.. p, new("authors[0].name", "Twice")]),
            ("authorName", p => [.. p.Where(x => x.Name != "authorName")]),
            ("authors", p => [.. p.Where(x => x.Name != "authorName"), new("authors", "not json")]),
            ("authors[1].role", p => [.. p, new("authors", """[{"name":"A"},{"name":"B","role":"%ROLE%"}]""".Replace("%ROLE%", new string('r', 121)))]),
            ("authors", p => [.. p.Where(x => x.Name != "authorName"), new("authors", "[null]")]),
            ("authors", p => [.. p.Where(x => x.Name != "authorName"), new("authors", """[{"name":"A"},null]""")]),
            ("authors[\u0663].name", p => [.. p, new("authors[\u0663].name", "Arabic-Indic three")]),
            ("authors[\u0661].name", p => [.. p, new("authors[\u0661].name", "Arabic-Indic one")]),
        };
        foreach (var (field, spoil) in cases)
        {
            var response = await client.PostAsync("/api/posts", SamplePost.Content(spoil(SamplePost.Parts(images: 0))));

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: expected 400, got {(int)response.StatusCode}: {body}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"the problem should name {field}, it named {errors}");
        }
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    [Fact]
    public void A_story_stored_before_bylines_reads_as_one_author_and_a_blog()
    {
        var old = HubJson.Deserialize<PublicPost>("""{"title":"Old","authorName":"Sam","organisation":"Group","summary":"s","tags":[],"images":[]}""");
        var details = HubJson.Deserialize<PostDetails>("""{"title":"Old","authorName":"Sam","authorEmail":"a@example.org","bodyBlob":"b"}""");

        Assert.Equal([new Byline("Sam", null, "Group")], Bylines.Of(old));
        Assert.Equal([new Byline("Sam")], Bylines.Of(details));
        Assert.Equal(StoryKinds.Blog, old.Kind);
        Assert.Equal("Sam, Group", Bylines.Text(Bylines.Of(old)));
    }

    private static async Task<SyndicationFeed?> FeedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    private static string Link(SyndicationItem item) => item.Links.FirstOrDefault()?.Uri.ToString() ?? item.Id;
}
