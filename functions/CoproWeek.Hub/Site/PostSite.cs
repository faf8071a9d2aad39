using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary>The stories' part of the public site as files for the publisher, beside <see cref="EventSite"/>.</summary>
public static class PostSite
{
    /// <summary>The story list pages and the site's feeds (which carry events too).</summary>
    /// <param name="fullText">The safe HTML of stories' words by id, for the feeds; a story without it is summarised.</param>
    public static IReadOnlyList<SiteFile> Indexes(IReadOnlyCollection<PublishedPost> posts, IReadOnlyCollection<PublishedEvent> events, DateTimeOffset now, SiteOptions options,
        IReadOnlyDictionary<string, string>? fullText = null) =>
    [
        .. PostList.RenderPages(posts, options).Select(p => new SiteFile(p.Key, EventSite.HtmlType, p.Value)),
        .. SiteFeeds.Render(posts, events, now, options, fullText),
        .. SiteFeeds.Render(posts, events, now, options, fullText, Language.Welsh),
        .. StoryKindPages.Render(posts, options),
    ];

    /// <summary>The story list pages and every story, for the sitemap.</summary>
    public static IEnumerable<SitemapUrl> SitemapUrls(IReadOnlyCollection<PublishedPost> posts, SiteOptions options) =>
        Enumerable.Range(1, PostList.PageCount(posts.Count)).Select(n => new SitemapUrl(options.Url(PostPaths.ListPage(n))))
            .Append(new SitemapUrl(options.Url(PostPaths.SubmitPost)))
            .Concat(StoryKindPages.SitemapUrls(posts, options))
            .Concat(PostList.Newest(posts).Where(StoryCredits.InSitemap).Select(p => new SitemapUrl(options.Url(PostPaths.Page(p.Slug)), p.PublishedAt)));

    /// <summary>The story form and its thank-you page.</summary>
    public static IReadOnlyList<SiteFile> FixedFiles(SiteOptions options) =>
    [
        new(PostPaths.SubmitPost, EventSite.HtmlType, SubmitPostPage.Render(options)),
        new(PostPaths.SubmitPostThanks, EventSite.HtmlType, SubmitPostPage.Thanks(options)),
    ];
}
