using System.Xml.Linq;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Site;

public sealed class ReleaseRebuildTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_release_rebuild_restores_the_Welsh_pages_of_a_site_published_before_them_and_the_same_release_rewrites_none()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var listed = await SampleEvent.SubmitAsync(client);
        var eventPath = await SampleEvent.WaitUntilLiveAsync(client, hub, listed.Id);
        var story = await SamplePost.SubmitAsync(client);
        await SamplePost.WaitForStatusAsync(hub, story.Id, Hub.Submissions.SubmissionStatus.Held);
        await SamplePost.ApproveAsync(hub, story.Id);
        var storyPath = await SamplePost.WaitUntilLiveAsync(client, hub, story.Id);
        var build = hub.Services.GetRequiredService<SiteBuild>();
        await Eventually.TrueAsync(async () => await build.BuiltByAsync(CancellationToken.None) == build.Current, "the start-up build to be recorded");
        var welshPages = new[] { $"cy{eventPath}index.html", $"cy{storyPath}index.html" };
        var site = hub.Storage.Site;
        Assert.All(welshPages, page => Assert.True(site.GetBlobClient(page).Exists().Value, page));

        // A site published before Welsh: its items have no Welsh pages.
        foreach (var page in welshPages)
        {
            await site.GetBlobClient(page).DeleteAsync();
        }
        var rebuild = hub.Services.GetRequiredService<RebuildIndexes>();
        await rebuild.HandleAsync(new RebuildMessage(DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.All(welshPages, page => Assert.False(site.GetBlobClient(page).Exists().Value, $"{page} rewritten by a rebuild of the same release"));

        await hub.Storage.Container(HubStorage.ContainerNames.Hosts).GetBlobClient("site-build.json").UploadAsync(
            BinaryData.FromString("{\"renderers\":\"an-older-release\",\"builtAt\":\"2027-07-01T00:00:00+00:00\"}"), overwrite: true);
        await rebuild.HandleAsync(new RebuildMessage(DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.All(welshPages, page => Assert.True(site.GetBlobClient(page).Exists().Value, $"{page} restored by the release"));
        Assert.Equal(build.Current, await build.BuiltByAsync(CancellationToken.None));
        Assert.Equal("cy", Html(await client.GetStringAsync($"/cy{eventPath}")).DocumentElement.GetAttribute("lang"));
        var welshStory = Html(await client.GetStringAsync($"/cy{storyPath}"));
        Assert.Equal("cy", welshStory.DocumentElement.GetAttribute("lang"));
        Assert.Equal(SamplePost.Title, welshStory.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Every_page_the_publisher_writes_is_in_the_sitemap_in_both_languages()
    {
        await using var hub = new HubFactory(azurite);
        var index = hub.Services.GetRequiredService<SiteIndex>();
        var start = DateTimeOffset.UtcNow.AddDays(20);
        // More events than a list page holds, so the events list and its filter pages have later pages.
        for (var i = 0; i < EventList.PageSize + 5; i++)
        {
            var details = SiteSamples.Details() with { Title = $"Planning meeting {i}", Start = start.AddHours(i), End = start.AddHours(i + 1) };
            await index.TryWriteAsync(new SiteEntry($"evt-{i}", "event", 1, $"planning-meeting-{i}", HubJson.Serialize(details), start.AddDays(-30), false, default), false, CancellationToken.None);
        }
        var post = new PublicPost { Title = "What we learnt", AuthorName = "Sam Example", Summary = "We learnt a lot." };
        await hub.Services.GetRequiredService<PublishedBodies>().WriteAsync("post-1", "<p>We learnt a lot.</p>", CancellationToken.None);
        await index.TryWriteAsync(new SiteEntry("post-1", PublishPost.Kind, 1, "what-we-learnt", HubJson.Serialize(post), start.AddDays(-30), false, default), false, CancellationToken.None);
        await hub.Storage.Container(HubStorage.ContainerNames.Hosts).GetBlobClient("site-build.json").UploadAsync(
            BinaryData.FromString("{\"renderers\":\"an-older-release\",\"builtAt\":\"2027-07-01T00:00:00+00:00\"}"), overwrite: true);

        await hub.Services.GetRequiredService<RebuildIndexes>().HandleAsync(new RebuildMessage(DateTimeOffset.UtcNow), CancellationToken.None);

        var site = hub.Storage.Site;
        var sitemap = XDocument.Parse((await site.GetBlobClient("sitemap.xml").DownloadContentAsync()).Value.Content.ToString());
        var listed = sitemap.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9"))
            .Select(loc => new Uri(loc.Value).AbsolutePath.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        var pages = new List<string>();
        await foreach (var blob in site.GetBlobsAsync())
        {
            if (blob.Name.EndsWith(".html", StringComparison.Ordinal) && !NotForSearch(blob.Name))
            {
                pages.Add(blob.Name);
            }
        }

        Assert.Contains("events/page/2/index.html", pages);
        Assert.Contains("cy/events/planning-meeting-0/index.html", pages);
        Assert.Contains("cy/posts/what-we-learnt/index.html", pages);
        Assert.Equal(Array.Empty<string>(), pages.Where(p => !listed.Contains(p[..^"index.html".Length])).Order(StringComparer.Ordinal).ToArray());
    }

    // 404 pages, thank-you pages and the moderators' pointer are written but not for search engines.
    private static bool NotForSearch(string blob) =>
        blob.EndsWith("404.html", StringComparison.Ordinal) || blob.Contains("/thanks/", StringComparison.Ordinal) || blob.EndsWith("moderate/index.html", StringComparison.Ordinal);

    private static AngleSharp.Html.Dom.IHtmlDocument Html(string page) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
}
