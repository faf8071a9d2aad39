using AngleSharp.Html.Parser;
using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Tests.Emails;

/// <summary>The digest a subscriber reads: its subject, why it came, events by day in time order, then stories with clean excerpts.</summary>
public sealed class DigestContentTests
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] Regions = ["wales", "london"];
    private static readonly string[] Topics = ["housing", "mental-health"];

    private static async Task<(DigestContent Content, DigestLetter Letter, string Html, string Text)> ForTheReaderAsync(DateTimeOffset? sent = null)
    {
        var items = SampleDigest.Items;
        var matching = Enumerable.Range(0, items.Count).Where(i => DigestMatching.Matches(items[i], Regions, Topics)).ToList();
        var content = await DigestContent.BuildAsync("weekly-20270628T070000Z", "weekly", items, matching, SampleEmails.Site, sent ?? SampleDigest.Sent);
        var letter = new DigestLetter("reader@example.org", matching, "https://hub.coproweek.example/api/unsubscribe?token=u", "https://hub.coproweek.example/api/subscriptions/preferences?token=p", Regions, Topics);
        var (html, text) = content.Fill(letter);
        return (content, letter, html, text);
    }

    [Fact]
    public async Task Events_come_by_day_in_date_and_time_order_then_stories_with_author_and_organisation()
    {
        var (_, _, html, text) = await ForTheReaderAsync();
        var document = Parser.ParseDocument(html);
        var headings = document.QuerySelectorAll("h2, h3").Select(h => h.TagName + " " + h.TextContent.Trim()).ToList();

        Assert.Equal(
        [
            "H2 Monday 5 July 2027", "H3 Breakfast with the board", "H3 A national webinar",
            "H2 Tuesday 6 July 2027", "H3 Peer support in Cardiff",
            "H2 Wednesday 7 July 2027", "H3 Planning together in Swansea",
            "H2 Friday 9 July 2027", "H3 Carers' voices in Camden",
            "H2 Stories", "H3 Listening first", "H3 Homes we designed together",
        ], headings);
        Assert.DoesNotContain("Not for this reader", html + text);
        Assert.True(text.IndexOf("Breakfast with the board", StringComparison.Ordinal) < text.IndexOf("A national webinar", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Carers' voices in Camden", StringComparison.Ordinal) < text.IndexOf("Stories\n-------", StringComparison.Ordinal));

        var swansea = document.QuerySelectorAll("h3").Single(h => h.TextContent == "Planning together in Swansea").ParentElement!.TextContent;
        Assert.Contains("10am to midday", swansea);
        Assert.Contains("Swansea Guildhall", swansea);
        Assert.Contains("Access: Step-free access, British Sign Language (BSL)", swansea);
        Assert.Contains("Online", document.QuerySelectorAll("h3").Single(h => h.TextContent == "Peer support in Cardiff").ParentElement!.TextContent);
        Assert.Contains("Planning together in Swansea\n10am to midday\nSwansea Guildhall\n", text);
        Assert.Contains("Homes we designed together\nBy Ayesha, Leeds Carers Forum\nTenants and staff planned the homes as equals. It took two years.\n", text);
        Assert.DoesNotContain("Lessons Start early", html + text);
    }

    [Fact]
    public async Task The_subject_counts_what_is_inside_and_the_reason_line_names_the_readers_choices()
    {
        var (content, letter, html, text) = await ForTheReaderAsync();

        Assert.Equal("5 events and 2 stories for Co-production Week", content.Subject(letter.Items.ToList()));
        const string why = "You get this email once a week because you asked for events in Wales or London (and UK-wide ones) and stories, about housing or mental health.";
        Assert.Contains(why, text);
        Assert.Contains(why, Parser.ParseDocument(html).Body!.TextContent);
        Assert.Contains(letter.PreferencesUrl, html);
        Assert.Contains(letter.UnsubscribeUrl, text);
        Assert.Contains("https://coproweek.example/digests/weekly-20270628T070000Z/", html);
        Assert.Contains("View in your browser", html);
        Assert.DoesNotContain("%", text.Replace("%20", "", StringComparison.Ordinal)); // every tag was filled
    }

    [Fact]
    public void During_the_week_the_subject_names_its_days()
    {
        var weekStarts = new DateOnly(2027, 7, 5);

        Assert.Equal("12 events and 3 stories for Co-production Week, 5 to 11 July", DigestWords.Subject(12, 3, weekStarts, new DateOnly(2027, 7, 7)));
        Assert.Equal("1 event and 1 story for Co-production Week", DigestWords.Subject(1, 1, weekStarts, new DateOnly(2027, 7, 4)));
        Assert.Equal("2 stories for Co-production Week", DigestWords.Subject(0, 2, weekStarts, new DateOnly(2027, 7, 12)));
        Assert.Equal("1 event for Co-production Week, 30 June to 6 July", DigestWords.Subject(1, 0, new DateOnly(2027, 6, 30), new DateOnly(2027, 6, 30)));
    }

    [Fact]
    public void A_story_excerpt_keeps_sentences_whole_leaves_out_headings_and_lists_and_cuts_at_a_word()
    {
        Assert.Equal("We started early and shared power from the first meeting. Nobody was paid less for their time. The rest of the story follows here with more detail.",
            StoryExcerpt.From(SampleEmails.PostBody));
        Assert.Equal("We started early and shared power from the first meeting.", StoryExcerpt.From(SampleEmails.PostBody, 80));
        var cut = StoryExcerpt.From("One very long sentence that goes on and on without ever stopping for breath at all", 40);
        Assert.Equal("One very long sentence that goes on and…", cut);
        Assert.Equal("A link and code and emphasis.", StoryExcerpt.From("A [link](https://example.org) and `code` and _emphasis_.\n\n![a picture](p.png)"));
    }

    [Fact]
    public async Task The_web_copy_shows_every_item_and_nothing_of_any_reader()
    {
        var page = await DigestContent.WebCopyAsync("weekly-20270628T070000Z", "weekly", SampleDigest.Items, SampleEmails.Site, SampleDigest.Sent);
        var document = Parser.ParseDocument(page);

        Assert.Equal(SampleDigest.Items.Count, document.QuerySelectorAll("h3").Length);
        Assert.Contains("7 events and 3 stories for Co-production Week", document.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("token=", page);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex("%[a-z_]+[0-9]*%"), page); // every tag was filled
        Assert.DoesNotContain("View in your browser", page);
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://coproweek.example/subscribe/");
    }
}
