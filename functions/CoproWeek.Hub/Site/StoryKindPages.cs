using System.Text;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary>
/// <c>posts/kind/{kind}/index.html</c>: the stories of one kind (blogs, good-practice examples, launches), newest first,
/// as static pages beside the full list, and the links between them.
/// </summary>
public static class StoryKindPages
{
    public static string Path(string kind) => $"posts/kind/{Uri.EscapeDataString(kind)}/index.html";

    public static IReadOnlyList<SiteFile> Render(IReadOnlyCollection<PublishedPost> posts, SiteOptions options) =>
        StoryKinds.All.Select(kind => new SiteFile(Path(kind.Id), EventSite.HtmlType,
            Page(kind, PostList.Newest(posts.Where(p => StoryKinds.Of(p.Post.Kind) == kind.Id)), options))).ToList();

    public static IEnumerable<SitemapUrl> SitemapUrls(IReadOnlyCollection<PublishedPost> posts, SiteOptions options) =>
        StoryKinds.All.Select(kind => new SitemapUrl(options.Url(Path(kind.Id))));

    /// <summary>Links to each kind's page, the current one marked, for the top of the story lists.</summary>
    public static StringBuilder KindLinks(this StringBuilder html, SiteOptions options, string? current = null)
    {
        html.Append("<nav aria-label=\"Kinds of story\">\n<ul class=\"footer-links\">\n<li><a href=\"").Text(options.Url(PostPaths.Posts)).Append('"')
            .Append(current is null ? " aria-current=\"page\"" : "").Append(">All stories</a></li>\n");
        foreach (var kind in StoryKinds.All)
        {
            html.Append("<li><a href=\"").Text(options.Url(Path(kind.Id))).Append('"').Append(current == kind.Id ? " aria-current=\"page\"" : "").Append('>')
                .Text(Plural(kind.Id)).Append("</a></li>\n");
        }
        return html.Append("</ul>\n</nav>\n");
    }

    public static string Plural(string kind) => kind switch
    {
        StoryKinds.GoodPractice => "Good practice examples",
        StoryKinds.Launch => "Launches",
        _ => "Blogs",
    };

    // "Search these": a plain GET form to the search function with this kind of story already chosen.
    private static void SearchThese(StringBuilder html, SiteOptions options, string kind, string heading)
    {
        html.Append("<form class=\"finder\" method=\"get\" action=\"").Text(options.Api(Triggers.Routes.Search)).Append("\" role=\"search\" aria-labelledby=\"kind-search-heading\">\n")
            .Append("<h2 id=\"kind-search-heading\">Search ").Text(heading.ToLowerInvariant()).Append("</h2>\n")
            .Append("<input type=\"hidden\" name=\"kind\" value=\"stories\">\n<input type=\"hidden\" name=\"storyKind\" value=\"").Text(kind).Append("\">\n")
            .Append("<div class=\"field\">\n<label for=\"kind-search-q\">Words to search for</label>\n")
            .Append("<input type=\"search\" id=\"kind-search-q\" name=\"q\" maxlength=\"").Append(Search.SearchQuery.MaxWords).Append("\">\n</div>\n")
            .Append("<button type=\"submit\">Search</button>\n</form>\n");
    }

    private static string Page(Term kind, IReadOnlyList<PublishedPost> shown, SiteOptions options)
    {
        var heading = Plural(kind.Id);
        var html = new StringBuilder(2048 + shown.Count * 600);
        html.Append("<h1>").Text(heading).Append("</h1>\n").KindLinks(options, kind.Id);
        SearchThese(html, options, kind.Id, heading);
        if (shown.Count == 0)
        {
            html.Append("<p>There are no stories of this kind yet. Please come back soon.</p>\n");
        }
        else
        {
            html.Append("<p class=\"count\" id=\"count\">").Append(shown.Count == 1 ? "1 story" : $"{shown.Count:N0} stories").Append("</p>\n")
                .Append("<ul class=\"event-list\" aria-labelledby=\"count\">\n");
            foreach (var post in shown)
            {
                html.Append(PostPage.Card(post, options));
            }
            html.Append("</ul>\n");
        }
        return SiteLayout.Render(options, heading, html.ToString(), SiteSection.Stories, new PageHead
        {
            Description = $"{heading} from Co-production Week.",
            Canonical = options.Url(Path(kind.Id)),
            Alternates = SiteFeeds.Alternates(options),
        });
    }
}
