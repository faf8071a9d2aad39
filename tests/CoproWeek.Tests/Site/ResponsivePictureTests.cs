using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;
using SkiaSharp;

namespace CoproWeek.Tests.Site;

/// <summary>A story with three large photos, published: every picture offered in sizes, as WebP and JPEG, sized, and the first fetched at once.</summary>
public sealed class ResponsivePictureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_story_with_three_large_photos_offers_each_at_480_960_and_1600_pixels_as_WebP_and_JPEG()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var path = await PublishStoryWithLargePhotosAsync(client, hub, "## What we did\n\nWe met.\n\n#### Who came\n\nEveryone.");

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        var pictures = page.QuerySelectorAll("figure picture");
        Assert.Equal(3, pictures.Length);
        foreach (var picture in pictures)
        {
            var webp = picture.QuerySelector("source[type='image/webp']")!;
            var img = picture.QuerySelector("img")!;
            Assert.Equal([480, 960, 1600], Widths(webp.GetAttribute("srcset")!));
            Assert.Equal([480, 960, 1600], Widths(img.GetAttribute("srcset")!));
            Assert.False(string.IsNullOrEmpty(webp.GetAttribute("sizes")));
            Assert.Equal(webp.GetAttribute("sizes"), img.GetAttribute("sizes"));
            Assert.Equal(("1600", "1067"), (img.GetAttribute("width"), img.GetAttribute("height")));
            foreach (var (url, _) in Candidates(webp.GetAttribute("srcset")!))
            {
                var answer = await client.GetAsync(new Uri(url).AbsolutePath);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Equal("image/webp", answer.Content.Headers.ContentType?.MediaType);
                using var codec = SKCodec.Create(new SKMemoryStream(await answer.Content.ReadAsByteArrayAsync()));
                Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
            }
            foreach (var (url, width) in Candidates(img.GetAttribute("srcset")!))
            {
                var answer = await client.GetAsync(new Uri(url).AbsolutePath);
                Assert.Equal("image/jpeg", answer.Content.Headers.ContentType?.MediaType);
                using var decoded = SKBitmap.Decode(await answer.Content.ReadAsByteArrayAsync());
                Assert.Equal(width, decoded.Width);
            }
        }
        var images = page.QuerySelectorAll("figure img");
        Assert.Null(images[0].GetAttribute("loading"));
        Assert.All(images.Skip(1), img => Assert.Equal("lazy", img.GetAttribute("loading")));
        Assert.Equal(["h1", "h2", "h3"], page.QuerySelectorAll("article h1, .story h2, .story h3, .story h4").Select(h => h.LocalName).ToArray());

        var list = new HtmlParser().ParseDocument(await Eventually.GetAsync(async () =>
            await client.GetStringAsync("/posts/") is { } html && html.Contains(path) ? html : null, "the story to be listed"));
        var thumbnail = list.QuerySelector("li.card .thumbnail img")!;
        Assert.Equal("", thumbnail.GetAttribute("alt"));
        Assert.Equal("lazy", thumbnail.GetAttribute("loading"));
        Assert.Contains("480w", list.QuerySelector("li.card .thumbnail source[type='image/webp']")!.GetAttribute("srcset"));
    }

    /// <summary>Submits, approves and publishes a story with three 2,400 by 1,600 photos (stored at 1,600 by 1,067); answers its page's path.</summary>
    internal static async Task<string> PublishStoryWithLargePhotosAsync(HttpClient client, HubFactory hub, string body = SamplePost.Body)
    {
        var parts = SamplePost.Parts(body: body, images: 0);
        for (var i = 0; i < 3; i++)
        {
            using var photo = TestPictures.RedLeftBlueRight(2_400, 1_600);
            parts.Add(new("images", File: TestPictures.Encode(photo, SKEncodedImageFormat.Jpeg), FileName: $"photo-{i + 1}.jpg", ContentType: "image/jpeg"));
        }
        parts.AddRange(Enumerable.Range(1, 3).Select(i => new SamplePost.Part("imageAlt", $"Picture {i}: the group at work")));
        var answer = await SamplePost.SubmitAsync(client, parts);
        await SamplePost.ApproveAsync(hub, answer.Id);
        return await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);
    }

    private static IEnumerable<(string Url, int Width)> Candidates(string srcset) =>
        srcset.Split(',', StringSplitOptions.TrimEntries).Select(c => c.Split(' ')).Select(c => (c[0], int.Parse(c[1].TrimEnd('w'))));

    private static int[] Widths(string srcset) => Candidates(srcset).Select(c => c.Width).ToArray();
}
