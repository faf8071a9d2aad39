using AngleSharp.Html.Parser;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Stories;

/// <summary>A story written in Welsh and English, published through the host: each language's page leads with its own words.</summary>
public sealed class BilingualStoryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string WelshTitle = "Beth newidiodd panel ein gofalwyr";
    private const string WelshBody = "Fe wnaethon ni gwrdd bob mis am flwyddyn.\n\n## Beth ddysgon ni\n\nRoedd pobl sydd â phrofiad bywyd yn **arwain** pob cyfarfod.<script>alert(1)</script>";

    [Fact]
    public async Task A_bilingual_story_is_published_with_its_Welsh_words_first_on_the_Welsh_page_made_safe_and_in_both_sitemap_languages()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var answer = await SamplePost.SubmitAsync(client, SamplePost.Parts(images: 0));
        await ApproveAsBilingualAsync(hub, answer.Id);
        var path = await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);

        var welsh = new HtmlParser().ParseDocument(await client.GetStringAsync("/cy" + path));
        Assert.Equal("cy", welsh.DocumentElement.GetAttribute("lang"));
        Assert.Equal(WelshTitle, welsh.QuerySelector("h1")?.TextContent);
        var stories = welsh.QuerySelectorAll("div.story");
        Assert.Equal(2, stories.Length);
        Assert.Equal("cy", stories[0].GetAttribute("lang"));
        Assert.StartsWith("Fe wnaethon ni gwrdd bob mis", stories[0].TextContent.Trim());
        Assert.Equal("Beth ddysgon ni", stories[0].QuerySelector("h2")?.TextContent);
        Assert.Equal("arwain", stories[0].QuerySelector("strong")?.TextContent);
        Assert.Empty(welsh.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.Equal("en-GB", stories[1].Closest("[lang]")?.GetAttribute("lang"));
        Assert.StartsWith("We met every month", stories[1].TextContent.Trim());
        Assert.EndsWith(path, welsh.QuerySelector("a.language-link")?.GetAttribute("href"));

        var english = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        Assert.Equal(SamplePost.Title, english.QuerySelector("h1")?.TextContent);
        Assert.StartsWith("We met every month", english.QuerySelectorAll("div.story")[0].TextContent.Trim());
        Assert.Equal("cy", english.QuerySelectorAll("div.story")[1].Closest("[lang]")?.GetAttribute("lang"));

        var list = await Eventually.GetAsync(async () => await client.GetStringAsync("/cy/posts/") is { } html && html.Contains(WelshTitle, StringComparison.Ordinal) ? html : null,
            "the Welsh list to show the Welsh title");
        Assert.Contains("/cy" + path, list);
        var sitemap = await Eventually.GetAsync(async () => await client.GetStringAsync("/sitemap.xml") is { } xml && xml.Contains("/cy" + path, StringComparison.Ordinal) ? xml : null,
            "the sitemap to list the Welsh page");
        Assert.Contains($"<loc>http://localhost{path}</loc>", sitemap);
        Assert.Contains($"hreflang=\"cy\" href=\"http://localhost/cy{path}\"", sitemap);
    }

    /// <summary>
    /// What a bilingual story's upload stores (its Welsh title, and its Welsh body beside the English one), then the
    /// moderator's approval, as <see cref="SamplePost.ApproveAsync"/> does it.
    /// </summary>
    private static async Task ApproveAsBilingualAsync(HubFactory hub, string id)
    {
        var held = await SamplePost.WaitForStatusAsync(hub, id, SubmissionStatus.Held);
        var details = HubJson.Deserialize<PostDetails>(held.DetailsJson);
        var welshBlob = PostBlobs.Folder(id, held.Version) + "body.cy.md";
        await hub.Storage.Container(HubStorage.ContainerNames.Submissions).GetBlobClient(welshBlob)
            .UploadAsync(BinaryData.FromString(WelshBody), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown; charset=utf-8" } });
        var bilingual = details with { Language = CoproWeek.Hub.ListingLanguage.Bilingual, Welsh = new WelshStoryText { Title = WelshTitle, BodyBlob = welshBlob } };
        var approved = held with { Status = SubmissionStatus.Approved, DetailsJson = HubJson.Serialize(bilingual) };
        Assert.True(await hub.Services.GetRequiredService<SubmissionStore>().TryReplaceAsync(approved, CancellationToken.None));
        await hub.Services.GetRequiredService<CoproWeek.Hub.Moderation.DecisionFollowUp>().RunAsync(approved, CancellationToken.None);
    }
}
