using System.Xml.Linq;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;

namespace CoproWeek.Tests.Site;

public sealed class SiteFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void An_RSS_description_is_encoded_as_HTML_so_readers_show_markup_in_a_story_as_text()
    {
        var now = new DateTimeOffset(2027, 7, 6, 9, 0, 0, TimeSpan.Zero);
        var story = new PublishedPost("p1", "our-day", 1, new PublicPost
        {
            Title = "Our day",
            AuthorName = "Sam Example",
            Summary = "We said <b>hi</b> & <script>alert(1)</script> to the group.",
        }, now);
        var listed = new PublishedEvent("e1", "planning", 1, SiteSamples.Details() with { Summary = "Tea <i>and</i> cake" }, now.AddHours(-1));

        var files = SiteFeeds.Render([story], [listed], now, SiteSamples.Options()).ToDictionary(f => f.Path, f => f.Content);

        var rss = XDocument.Parse(files[PostPaths.RssFeed]);
        var descriptions = rss.Descendants("item").Select(i => i.Element("description")!.Value).ToList();
        // What a reader gets after parsing the XML is HTML whose text is exactly what the author typed.
        Assert.Equal("We said &lt;b&gt;hi&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; to the group.", descriptions[0]);
        Assert.EndsWith("Tea &lt;i&gt;and&lt;/i&gt; cake", descriptions[1]);
        Assert.Equal("We said <b>hi</b> & <script>alert(1)</script> to the group.", System.Net.WebUtility.HtmlDecode(descriptions[0]));
        Assert.DoesNotContain("<b>", files[PostPaths.RssFeed]);
        Assert.DoesNotContain("&lt;b&gt;", files[PostPaths.RssFeed]); // encoded twice in the file: &amp;lt;b&amp;gt;

        // Atom declares the text as text, so it carries the words once encoded, as typed.
        var content = XDocument.Parse(files[PostPaths.AtomFeed]).Descendants(Atom + "entry").First().Element(Atom + "content")!;
        Assert.Equal("text", content.Attribute("type")?.Value);
        Assert.Equal("We said <b>hi</b> & <script>alert(1)</script> to the group.", content.Value);
    }
}
