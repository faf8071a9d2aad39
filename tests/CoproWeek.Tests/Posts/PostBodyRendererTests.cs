using AngleSharp.Html.Parser;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Tests.Posts;

public sealed class PostBodyRendererTests
{
    private static readonly string[] OwnImages = [HostilePosts.OwnImage];

    public static TheoryData<int> PayloadIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < HostilePosts.Payloads.Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PayloadIndexes))]
    public void A_known_attack_renders_to_nothing_that_can_run(int index)
    {
        var payload = HostilePosts.Payloads[index];

        // Alone, inside a paragraph, and inside a list: context changes how Markdown reads it.
        foreach (var input in new[] { payload, $"Before {payload} after", $"- item\n- {payload}\n\n{payload}" })
        {
            SafeHtml.AssertSafe(PostBodyRenderer.ToHtml(input, OwnImages), OwnImages, input);
        }
    }

    [Fact]
    public void Ten_thousand_generated_posts_mixing_Markdown_and_attacks_all_render_safely()
    {
        // How long they take is the render-post benchmark's figure, not this test's.
        foreach (var input in HostilePosts.Generated(10_000))
        {
            SafeHtml.AssertSafe(PostBodyRenderer.ToHtml(input, OwnImages), OwnImages, input);
        }
    }

    [Fact]
    public void Rendering_from_many_threads_at_once_gives_the_same_HTML_as_one_at_a_time()
    {
        var inputs = HostilePosts.Payloads.Select((p, i) => $"# Post {i}\n\n[link {i}](https://example.org/{i}) {p}").ToArray();
        var expected = inputs.Select(i => PostBodyRenderer.ToHtml(i, OwnImages)).ToArray();
        var actual = new string[inputs.Length * 10];

        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n => actual[n] = PostBodyRenderer.ToHtml(inputs[n % inputs.Length], OwnImages));

        for (var n = 0; n < actual.Length; n++)
        {
            Assert.Equal(expected[n % inputs.Length], actual[n]);
        }
    }

    [Fact]
    public void Typed_HTML_is_shown_as_words_not_run()
    {
        var html = PostBodyRenderer.ToHtml("We said <script>alert(1)</script> to the group.", OwnImages);

        var text = new HtmlParser().ParseDocument(html).Body!.TextContent;
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Headings_are_demoted_so_the_page_keeps_one_h1()
    {
        var html = PostBodyRenderer.ToHtml("# Our day\n\n## Morning\n\n###### Small print", OwnImages);

        Assert.Equal("<h2>Our day</h2>\n<h3>Morning</h3>\n<h4>Small print</h4>\n", html);
    }

    [Fact]
    public void A_story_that_starts_at_level_two_headings_starts_at_h2()
    {
        var html = PostBodyRenderer.ToHtml("## Morning\n\nTea.\n\n#### Who came\n\n## Afternoon", OwnImages);

        Assert.Equal("<h2>Morning</h2>\n<p>Tea.</p>\n<h3>Who came</h3>\n<h2>Afternoon</h2>\n", html);
    }

    [Fact]
    public void Links_keep_their_words_and_carry_nofollow_ugc_noopener()
    {
        var html = PostBodyRenderer.ToHtml("Read [the toolkit](https://example.org/toolkit \"Toolkit\"), see www.example.org or write to <hello@example.org>.", OwnImages);

        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("a").ToList();
        Assert.Equal(3, links.Count);
        Assert.Equal("https://example.org/toolkit", links[0].GetAttribute("href"));
        Assert.Equal("Toolkit", links[0].GetAttribute("title"));
        Assert.Equal("the toolkit", links[0].TextContent);
        Assert.All(links.Take(2), a => Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel")));
        Assert.Equal("mailto:hello@example.org", links[2].GetAttribute("href"));
    }

    [Fact]
    public void A_link_to_nowhere_safe_becomes_its_words()
    {
        var html = PostBodyRenderer.ToHtml("[one](javascript:alert(1)) [two](/relative) [three](#top) [four](//evil.example)", OwnImages);

        Assert.DoesNotContain("<a", html);
        Assert.Equal("one two three four", new HtmlParser().ParseDocument(html).Body!.TextContent.Trim());
    }

    [Fact]
    public void Only_the_posts_own_images_are_shown()
    {
        var html = PostBodyRenderer.ToHtml($"![Our banner]({HostilePosts.OwnImage})\n\n![tracker](https://evil.example/pixel.gif)", OwnImages);

        var image = Assert.Single(new HtmlParser().ParseDocument(html).QuerySelectorAll("img"));
        Assert.Equal(HostilePosts.OwnImage, image.GetAttribute("src"));
        Assert.Equal("Our banner", image.GetAttribute("alt"));
        Assert.Contains("<p>tracker</p>", html); // the outside picture gives way to its description
        Assert.Equal("", PostBodyRenderer.ToHtml("![](https://evil.example/pixel.gif)", OwnImages).Trim()); // and with none, to nothing
    }

    [Fact]
    public void Lists_emphasis_and_tables_survive()
    {
        var html = PostBodyRenderer.ToHtml("**Bold** and *soft* and ~~gone~~\n\n1. one\n2. two\n\n| who | what |\n|-----|------|\n| carers | tea |", OwnImages);

        foreach (var tag in new[] { "<strong>Bold</strong>", "<em>soft</em>", "<del>gone</del>", "<ol>", "<li>two</li>", "<table>", "<td>carers</td>" })
        {
            Assert.Contains(tag, html);
        }
    }

    [Fact]
    public void Deeply_nested_Markdown_at_the_length_limit_renders_without_crashing()
    {
        foreach (var input in new[] { new string('>', 20_000), new string('[', 20_000), string.Concat(Enumerable.Repeat("- ", 10_000)), new string('*', 20_000), string.Concat(Enumerable.Repeat("<a>", 6_000)) })
        {
            SafeHtml.AssertSafe(PostBodyRenderer.ToHtml(input, OwnImages), OwnImages, input[..40]);
        }
    }

    [Fact]
    public void Too_deep_nesting_is_named_at_submission_and_shown_as_words_at_publishing()
    {
        var input = "Our story\n\n" + new string('>', 5_000) + " <b>bold</b>";

        Assert.Equal("Your story has lists or quotes inside each other more than 16 levels deep. Use fewer levels.", PostBodyRenderer.Problem(input));
        var html = PostBodyRenderer.ToHtml(input, OwnImages);
        Assert.StartsWith("<p>Our story</p>\n<p>&gt;&gt;&gt;", html);
        Assert.DoesNotContain("<b>", html);
        Assert.StartsWith("Our story\n\n>>>", PostBodyRenderer.ToPlainText(input));
    }

    [Theory]
    [InlineData("stars")]
    [InlineData("brackets")]
    [InlineData("nested lists")]
    [InlineData("nested quotes")]
    public void Nesting_past_the_limit_is_named_at_submission_and_every_rendering_shows_the_words_without_throwing(string name)
    {
        var input = "Our day\n\n" + PathologicalMarkdownTests.Bodies[name];

        Assert.NotNull(PostBodyRenderer.Problem(input));
        var html = PostBodyRenderer.ToHtml(input, OwnImages);
        SafeHtml.AssertSafe(html, OwnImages, name);
        Assert.StartsWith("<p>Our day</p>", html);
        Assert.StartsWith("Our day\n\n", PostBodyRenderer.ToPlainText(input));
        Assert.StartsWith("Our day ", PostBodyRenderer.Summary(input));
    }

    [Fact]
    public void Emphasis_sixteen_deep_is_fine_and_seventeen_is_named()
    {
        // Each "**" pair is one level of strong emphasis.
        var sixteen = new string('*', 32) + "a" + new string('*', 32);
        var seventeen = new string('*', 34) + "a" + new string('*', 34);

        Assert.Null(PostBodyRenderer.Problem(sixteen));
        Assert.Equal(16, new HtmlParser().ParseDocument(PostBodyRenderer.ToHtml(sixteen, OwnImages)).QuerySelectorAll("strong").Length);
        Assert.Equal(@"Your story has more than 16 emphasis marks (* or _), links or square brackets inside each other. Use fewer, or put a \ before each *, _ or [ that you mean as itself.",
            PostBodyRenderer.Problem(seventeen));
    }

    [Fact]
    public void Quotes_sixteen_deep_are_fine_and_seventeen_are_named()
    {
        var sixteen = new string('>', 16) + " deep";
        var seventeen = new string('>', 17) + " deep";

        Assert.Null(PostBodyRenderer.Problem(sixteen));
        Assert.Equal(16, new HtmlParser().ParseDocument(PostBodyRenderer.ToHtml(sixteen, OwnImages)).QuerySelectorAll("blockquote").Length);
        Assert.Equal("Your story has lists or quotes inside each other more than 16 levels deep. Use fewer levels.", PostBodyRenderer.Problem(seventeen));
    }

    [Theory]
    [InlineData(null, "Write your story.")]
    [InlineData("  \n ", "Write your story.")]
    [InlineData("A good day.", null)]
    public void The_submission_check_names_what_to_change(string? body, string? problem)
    {
        Assert.Equal(problem, PostBodyRenderer.Problem(body));
    }

    [Fact]
    public void A_body_over_the_limit_is_named_at_submission()
    {
        Assert.Equal("Your story is 20,001 characters long. Make it 20,000 characters or fewer.", PostBodyRenderer.Problem(new string('a', 20_001)));
    }

    [Fact]
    public void A_body_over_the_limit_is_refused_as_a_caller_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PostBodyRenderer.ToHtml(new string('a', PostBodyRenderer.MaxLength + 1), OwnImages));
    }

    [Fact]
    public void Plain_text_keeps_the_words_and_paragraphs_without_markup()
    {
        var text = PostBodyRenderer.ToPlainText("# Our day\n\nWe had **tea** with [carers](https://example.org).\n\n- one\n- two");

        Assert.Equal("Our day\n\nWe had tea with carers.\n\none\n\ntwo", text);
        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("https://", text);
    }

    [Fact]
    public void A_summary_is_one_line_cut_at_a_word()
    {
        var summary = PostBodyRenderer.Summary("# Our day\n\n" + string.Concat(Enumerable.Repeat("Carers and staff planned together. ", 20)), 60);

        Assert.True(summary.Length <= 60, summary);
        Assert.EndsWith("…", summary);
        Assert.StartsWith("Our day Carers and staff planned together.", summary);
        Assert.DoesNotContain("\n", summary);
    }
}
