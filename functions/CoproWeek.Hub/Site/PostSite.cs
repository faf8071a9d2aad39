using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary>The stories' part of the public site as files for the publisher, beside <see cref="EventSite"/>.</summary>
public static class PostSite
{
    /// <summary>The story list pages and kind pages in both languages, and the site's feeds (which carry events too).</summary>
    /// <param name="fullText">The safe HTML of stories' words by id, for the feeds; a story without it is summarised.</param>
    public static IReadOnlyList<SiteFile> Indexes(IReadOnlyCollection<PublishedPost> posts, IReadOnlyCollection<PublishedEvent> events, DateTimeOffset now, SiteOptions options,
        IReadOnlyDictionary<string, string>? fullText = null) =>
    [
        .. Languages.All.SelectMany(language => PostList.RenderPages(posts, options, language)).Select(p => new SiteFile(p.Key, EventSite.HtmlType, p.Value)),
        .. SiteFeeds.Render(posts, events, now, options, fullText),
        .. Languages.All.SelectMany(language => StoryKindPages.Render(posts, options, language)),
        .. SiteFeeds.Render(posts, events, now, options, fullText, Language.Welsh),
    ];

    /// <summary>The story list pages, kind pages and every story, in both languages, for the sitemap.</summary>
    public static IEnumerable<SitemapUrl> SitemapUrls(IReadOnlyCollection<PublishedPost> posts, SiteOptions options) =>
        Enumerable.Range(1, PostList.PageCount(posts.Count)).Select(n => SitemapUrl.OfSite(options, PostPaths.ListPage(n)))
            .Append(SitemapUrl.OfSite(options, PostPaths.SubmitPost))
            .Concat(StoryKindPages.Paths().Select(path => SitemapUrl.OfSite(options, path)))
            .Concat(PostList.Newest(posts).Where(StoryCredits.InSitemap).Select(p => SitemapUrl.OfSite(options, PostPaths.Page(p.Slug), p.PublishedAt)));

    /// <summary>The story form and its thank-you page.</summary>
    public static IReadOnlyList<SiteFile> FixedFiles(SiteOptions options) =>
    [
        new(PostPaths.SubmitPost, EventSite.HtmlType, Posts.Forms.SubmitPostPage.Render(options)),
        new(PostPaths.SubmitPostThanks, EventSite.HtmlType, Posts.Forms.SubmitPostPage.Thanks(options)),
        new(Language.Welsh.Localise(PostPaths.SubmitPost), EventSite.HtmlType, Posts.Forms.SubmitPostPage.Render(options, language: Language.Welsh)),
        new(Language.Welsh.Localise(PostPaths.SubmitPostThanks), EventSite.HtmlType, Posts.Forms.SubmitPostPage.Thanks(options, Language.Welsh)),
    ];
}
