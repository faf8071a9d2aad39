using System.Text;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary><c>posts/index.html</c> and <c>posts/page/{n}/index.html</c>: every story, newest first, 20 to a page, with links between pages.</summary>
public static class PostList
{
    public const int PageSize = 20;

    /// <summary>Newest published first; ties by id so the order never wobbles between rebuilds.</summary>
    public static IReadOnlyList<PublishedPost> Newest(IEnumerable<PublishedPost> posts) =>
        posts.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

    /// <summary>How many list pages the stories fill (at least one, which says there are none yet).</summary>
    public static int PageCount(int posts) => Math.Max(1, (posts + PageSize - 1) / PageSize);

    /// <summary>Every list page, keyed by blob name.</summary>
    public static IReadOnlyDictionary<string, string> RenderPages(IEnumerable<PublishedPost> posts, SiteOptions options)
    {
        var newest = Newest(posts);
        var count = PageCount(newest.Count);
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var number = 1; number <= count; number++)
        {
            pages[PostPaths.ListPage(number)] = Page(options, newest.Skip((number - 1) * PageSize).Take(PageSize).ToList(), number, count, newest.Count);
        }
        return pages;
    }

    private static string Page(SiteOptions options, IReadOnlyList<PublishedPost> shown, int number, int count, int total)
    {
        var heading = number == 1 ? "Stories" : $"Stories, page {number} of {count}";
        var html = new StringBuilder(2048 + shown.Count * 600);
        html.Append("<h1>").Text(heading).Append("</h1>\n")
            .Append("<p>Stories from Co-production Week, written by the people who took part. Newest first.</p>\n")
            .Append("<p><a href=\"").Text(options.Url(PostPaths.SubmitPost)).Append("\">Send us your story</a></p>\n")
            .KindLinks(options);
        if (total == 0)
        {
            html.Append("<p>There are no stories yet. Please come back soon.</p>\n");
        }
        else
        {
            html.Append("<p class=\"count\" id=\"count\">").Append(total == 1 ? "1 story" : $"{total:N0} stories").Append("</p>\n")
                .Append("<ul class=\"event-list\" aria-labelledby=\"count\">\n");
            foreach (var post in shown)
            {
                html.Append(PostPage.Card(post, options));
            }
            html.Append("</ul>\n");
        }
        if (count > 1)
        {
            html.Append("<nav class=\"pagination\" aria-label=\"Pages of stories\">\n<ul class=\"footer-links\">\n");
            if (number > 1)
            {
                html.Append("<li><a rel=\"prev\" href=\"").Text(options.Url(PostPaths.ListPage(number - 1))).Append("\">Newer stories<span class=\"visually-hidden\">: page ")
                    .Append(number - 1).Append("</span></a></li>\n");
            }
            if (number < count)
            {
                html.Append("<li><a rel=\"next\" href=\"").Text(options.Url(PostPaths.ListPage(number + 1))).Append("\">Older stories<span class=\"visually-hidden\">: page ")
                    .Append(number + 1).Append("</span></a></li>\n");
            }
            html.Append("</ul>\n</nav>\n");
        }
        return SiteLayout.Render(options, heading, html.ToString(), SiteSection.Stories, new PageHead
        {
            Description = "Stories from Co-production Week.",
            Canonical = options.Url(PostPaths.ListPage(number)),
            Alternates = SiteFeeds.Alternates(options),
        });
    }
}
