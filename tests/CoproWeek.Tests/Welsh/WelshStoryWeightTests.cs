using System.Text;
using CoproWeek.Hub;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Site;
using Xunit.Abstractions;

namespace CoproWeek.Tests.Welsh;

/// <summary>Welsh story pages keep the English pages' budget: HTML and CSS together at most 50 KB, pictures aside.</summary>
public sealed class WelshStoryWeightTests(ITestOutputHelper output)
{
    private const int Budget = 50 * 1024;

    [Fact]
    public void A_long_bilingual_story_with_three_pictures_and_a_full_list_page_stay_within_the_page_budget_in_Welsh()
    {
        var options = SiteSamples.Options();
        var images = Enumerable.Range(1, 3).Select(i => new PublicImage($"https://www.coproductionweek.example/posts/long/image-{i}.jpg", $"Llun {i}", 1600, 1067)
        {
            Sizes = [.. new[] { 480, 960, 1600 }.SelectMany(w => new[]
            {
                new PublicImageSize($"https://www.coproductionweek.example/posts/long/image-{i}-{w}w.webp", "image/webp", w),
                new PublicImageSize($"https://www.coproductionweek.example/posts/long/image-{i}-{w}w.jpg", "image/jpeg", w),
            })],
        }).ToList();
        var story = new PublishedPost("post-long", "long", 1, new PublicPost
        {
            Title = "A year of our panel",
            Summary = "What a year of monthly meetings changed.",
            AuthorName = "Sam Example",
            Language = ListingLanguage.Bilingual,
            Welsh = new WelshPublicText("Blwyddyn o'n panel", "Beth newidiodd blwyddyn o gyfarfodydd misol."),
            Images = images,
            Tags = ["carers", "mental-health"],
        }, new DateTimeOffset(2027, 7, 5, 9, 0, 0, TimeSpan.FromHours(1)));
        // About 1,200 words in each language.
        var english = Paragraphs("We met every month and people with lived experience led every meeting.");
        var welsh = Paragraphs("Fe wnaethon ni gwrdd bob mis ac roedd pobl sydd â phrofiad bywyd yn arwain pob cyfarfod.");
        var list = Enumerable.Range(1, PostList.PageSize).Select(i => story with { Id = $"post-{i}", Slug = $"story-{i}" }).ToList();
        var css = Encoding.UTF8.GetByteCount(SiteCss.Content());

        var pages = new Dictionary<string, string>
        {
            ["Welsh bilingual story, 3 pictures"] = PostPage.Render(story, english, null, options, null, Language.Welsh, welsh),
            ["Welsh story list, 20 with thumbnails"] = PostList.RenderPages(list, options, Language.Welsh)["cy/posts/index.html"],
            ["Welsh 404"] = PlainPages.NotFound(options, Language.Welsh),
        };
        foreach (var (name, html) in pages)
        {
            var bytes = Encoding.UTF8.GetByteCount(html);
            output.WriteLine($"{name}: {bytes / 1024.0:F1} KB HTML + {css / 1024.0:F1} KB CSS = {(bytes + css) / 1024.0:F1} KB");
            Assert.True(bytes + css <= Budget, $"{name} weighs {bytes + css} bytes with its CSS");
        }
    }

    private static string Paragraphs(string sentence) =>
        string.Concat(Enumerable.Range(0, 12).Select(_ => "<p>" + string.Join(" ", Enumerable.Repeat(sentence, 7)) + "</p>\n"));
}
