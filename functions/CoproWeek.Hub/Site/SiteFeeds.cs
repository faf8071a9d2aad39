using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary>
/// <c>feed.xml</c> (RSS 2.0) and <c>atom.xml</c> (Atom 1.0): the newest stories and events together, newest published
/// first, for feed readers. Stories are carried in full (their safe HTML, see <see cref="Render"/>); everything else is text.
/// RSS readers take an item's <c>description</c> as HTML, so there the text is HTML-encoded before the XML encodes it again:
/// a story that says <c>&lt;b&gt;hi&lt;/b&gt;</c> shows those characters, not bold. Atom says <c>type="text"</c> and needs no more.
/// Each item carries <c>xml:lang</c>, the language of its words. The Welsh site has its own pair under <c>cy/</c>: the same
/// items, a bilingual one in Welsh first, a Welsh-only one as it is, an English-only one in English (marked so).
/// </summary>
public static class SiteFeeds
{
    public const int Items = 50;
    public const string RssType = "application/rss+xml; charset=utf-8";
    public const string AtomType = "application/atom+xml; charset=utf-8";

    public static IReadOnlyList<(string Type, string Href, string Title)> Alternates(SiteOptions options, Language language = Language.English) =>
    [
        ("application/rss+xml", options.Public(language.Localise(PostPaths.RssFeed)), Rendering.Localised.Get<FeedText>("RssTitle", language)),
        ("application/atom+xml", options.Public(language.Localise(PostPaths.AtomFeed)), Rendering.Localised.Get<FeedText>("AtomTitle", language)),
    ];

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>RSS 2.0's module for an item's full content (<c>content:encoded</c>), which feed readers show in place of the description.</summary>
    public const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    /// <param name="fullText">The safe HTML of stories' words by id (from <see cref="Posts.PostBodyRenderer"/>): carried in full, with the
    /// story's pictures, as RSS <c>content:encoded</c> and Atom <c>content type="html"</c>. A story without it is summarised.</param>
    /// <param name="language">The site the feeds belong to: English at <c>feed.xml</c>, Welsh at <c>cy/feed.xml</c>.</param>
    public static IReadOnlyList<SiteFile> Render(IEnumerable<PublishedPost> posts, IEnumerable<PublishedEvent> events, DateTimeOffset now, SiteOptions options,
        IReadOnlyDictionary<string, string>? fullText = null, Language language = Language.English)
    {
        var postList = posts.ToList();
        var eventList = events.ToList();
        fullText ??= new Dictionary<string, string>();
        var rss = Feed(postList, eventList, now, options, HtmlDescription, fullText, rss: true, language);
        // RSS readers find the feed's own address here (atom:link rel="self"), as the RSS Advisory Board recommends.
        rss.Links.Clear();
        rss.ElementExtensions.Add(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("link", "http://www.w3.org/2005/Atom"),
            new System.Xml.Linq.XAttribute("href", options.Public(language.Localise(PostPaths.RssFeed))), new System.Xml.Linq.XAttribute("rel", "self"),
            new System.Xml.Linq.XAttribute("type", "application/rss+xml")));
        rss.Links.Add(new SyndicationLink(new Uri(options.Public(language.Prefix()))));
        return
        [
            new(language.Localise(PostPaths.RssFeed), RssType, Write(new Rss20FeedFormatter(rss, serializeExtensionsAsAtom: false))),
            new(language.Localise(PostPaths.AtomFeed), AtomType, Write(new Atom10FeedFormatter(Feed(postList, eventList, now, options, text => text, fullText, rss: false, language)))),
        ];
    }

    /// <summary>An RSS description is read as HTML; encoding the text once more keeps every character as the author typed it.</summary>
    public static string HtmlDescription(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static SyndicationFeed Feed(IEnumerable<PublishedPost> posts, IEnumerable<PublishedEvent> events, DateTimeOffset now, SiteOptions options, Func<string, string> describe,
        IReadOnlyDictionary<string, string> fullText, bool rss, Language language)
    {
        var items = posts.Select(p => Item(p, options, describe, FullTextIn(p, fullText, language), rss, language))
            .Concat(events.Select(e => Item(e, options, describe, language)))
            .OrderByDescending(i => i.PublishDate).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Take(Items)
            .ToList();
        var siteName = Rendering.Localised.Get<SiteText>("SiteName", language);
        var feed = new SyndicationFeed(siteName, Rendering.Localised.Get<FeedText>("FeedDescription", language),
            new Uri(options.Public(language.Prefix())), options.Public(language.Prefix()), items.Count > 0 ? items.Max(i => i.PublishDate) : now, items)
        {
            Language = language.HtmlLang(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = siteName });
        feed.Links.Add(new SyndicationLink(new Uri(options.Public(language.Localise(PostPaths.AtomFeed))), "self", null, "application/atom+xml", 0));
        return feed;
    }

    private static SyndicationItem Item(PublishedPost published, SiteOptions options, Func<string, string> describe, string? fullHtml, bool rss, Language language)
    {
        var url = options.Url(language.Localise(PostPaths.Page(published.Slug)));
        var text = published.Post.TextFor(language);
        var item = new SyndicationItem(XmlSafe(text.Title), describe(XmlSafe(text.Summary)), new Uri(url), url, published.PublishedAt)
        {
            PublishDate = published.PublishedAt,
        };
        MarkLanguage(item, text.Language);
        if (fullHtml is not null)
        {
            if (rss)
            {
                item.ElementExtensions.Add(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("encoded", ContentModule), XmlSafe(fullHtml)));
            }
            else
            {
                item.Summary = new TextSyndicationContent(XmlSafe(text.Summary), TextSyndicationContentKind.Plaintext);
                item.Content = new TextSyndicationContent(XmlSafe(fullHtml), TextSyndicationContentKind.Html);
            }
        }
        foreach (var author in Bylines.Of(published.Post))
        {
            item.Authors.Add(new SyndicationPerson { Name = XmlSafe(Bylines.Text(author)) });
            // RSS's own author element must be an email address, which we never publish: Dublin Core's creator carries the name.
            item.ElementExtensions.Add("creator", "http://purl.org/dc/elements/1.1/", XmlSafe(Bylines.Text(author)));
        }
        item.Categories.Add(new SyndicationCategory(Rendering.Localised.Get<FeedText>("StoryCategory", language)));
        item.Categories.Add(new SyndicationCategory(StoryKinds.NameOf(published.Post.Kind)));
        foreach (var tag in published.Post.Tags)
        {
            item.Categories.Add(new SyndicationCategory(XmlSafe(tag)));
        }
        return item;
    }

    private static SyndicationItem Item(PublishedEvent published, SiteOptions options, Func<string, string> describe, Language language)
    {
        var e = published.Details;
        var url = options.Url(language.Localise(SitePaths.EventPage(published.Slug)));
        var text = e.TextFor(language);
        // The words are the listing's, in its language; "Event:" and the dates are the feed's, in the feed's. An item holds one
        // xml:lang, so it is the listing's words' (they are most of it).
        var item = new SyndicationItem(XmlSafe(Rendering.Localised.Get<FeedText>("EventItemTitle", language, text.Title)),
            describe(XmlSafe($"{UkTime.Range(e.Start, e.End, language)}. {text.Summary}")), new Uri(url), url, published.PublishedAt)
        {
            PublishDate = published.PublishedAt,
        };
        MarkLanguage(item, text.Language);
        item.Authors.Add(new SyndicationPerson { Name = XmlSafe(e.Organiser.Name) });
        item.Categories.Add(new SyndicationCategory(Rendering.Localised.Get<FeedText>("EventCategory", language)));
        return item;
    }

    // xml:lang on the item (RSS <item>, Atom <entry>): feed readers and screen readers take its words in that language.
    private static void MarkLanguage(SyndicationItem item, Language language) =>
        item.AttributeExtensions[new XmlQualifiedName("lang", XmlNamespace)] = language.HtmlLang();

    // The full text published is the story's own body (English, or Welsh for a Welsh-only story): carried where the item's words
    // are in the body's language; a bilingual story in the Welsh feed is summarised in Welsh until its Welsh body is published.
    private static string? FullTextIn(PublishedPost published, IReadOnlyDictionary<string, string> fullText, Language language) =>
        fullText.TryGetValue(published.Id, out var html) && published.Post.TextFor(language).Language == published.Post.TextFor(Language.English).Language
            ? FullText(published, html)
            : null;

    // The story's words (already made safe by PostBodyRenderer) followed by its pictures with their descriptions.
    private static string FullText(PublishedPost published, string safeBodyHtml)
    {
        var html = new StringBuilder(safeBodyHtml.Length + 512).Append(safeBodyHtml);
        foreach (var image in published.Post.Images)
        {
            if (Html.SafeUrl(image.Url) is { } src)
            {
                html.Append("\n<p><img src=\"").Text(src).Append("\" alt=\"").Text(image.Alt).Append("\" width=\"").Append(image.Width)
                    .Append("\" height=\"").Append(image.Height).Append("\"></p>");
            }
        }
        return html.ToString();
    }

    // Submission refuses control characters, but a feed that will not parse fails every reader at once: drop anything XML cannot carry.
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }
        return safe.ToString();
    }

    private static string Write(SyndicationFeedFormatter formatter)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            formatter.WriteTo(xml);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
