using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// <c>posts/index.html</c> and <c>posts/page/{n}/index.html</c>, and their Welsh twins under <c>cy/</c>
/// (<see cref="Pages.StoryListPage"/>): every story, newest first, 20 to a page, with links between pages.
/// </summary>
public static class PostList
{
    public const int PageSize = 20;

    /// <summary>Newest published first; ties by id so the order never wobbles between rebuilds.</summary>
    public static IReadOnlyList<PublishedPost> Newest(IEnumerable<PublishedPost> posts) =>
        posts.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();

    /// <summary>How many list pages the stories fill (at least one, which says there are none yet).</summary>
    public static int PageCount(int posts) => Math.Max(1, (posts + PageSize - 1) / PageSize);

    /// <summary>Every list page in one language, keyed by blob name (<c>cy/posts/index.html</c> in Welsh).</summary>
    public static IReadOnlyDictionary<string, string> RenderPages(IEnumerable<PublishedPost> posts, SiteOptions options, Language language = Language.English)
    {
        var newest = Newest(posts);
        var count = PageCount(newest.Count);
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var number = 1; number <= count; number++)
        {
            pages[language.Localise(PostPaths.ListPage(number))] = Page(options, newest.Skip((number - 1) * PageSize).Take(PageSize).ToList(), number, count, newest.Count, language);
        }
        return pages;
    }

    /// <summary>
    /// The feeds a list or story page names in its head. The feeds and their titles are English, so a Welsh page names
    /// none until they have Welsh titles (the titles are read as text, and a link element cannot be marked as English).
    /// </summary>
    internal static IReadOnlyList<(string Type, string Href, string Title)> FeedLinks(SiteOptions options, Language language) =>
        language == Language.English ? SiteFeeds.Alternates(options) : [];

    private static string Page(SiteOptions options, IReadOnlyList<PublishedPost> shown, int number, int count, int total, Language language) =>
        ComponentRenderer.Shared.Render<Pages.StoryListPage>(new Dictionary<string, object?>
        {
            [nameof(Pages.StoryListPage.Options)] = options,
            [nameof(Pages.StoryListPage.Shown)] = shown,
            [nameof(Pages.StoryListPage.Number)] = number,
            [nameof(Pages.StoryListPage.Count)] = count,
            [nameof(Pages.StoryListPage.Total)] = total,
            [nameof(Pages.StoryListPage.Language)] = language,
            [nameof(Pages.StoryListPage.Head)] = new PageHead
            {
                Description = Localised.Get<PostText>("ListDescription", language),
                Canonical = options.Url(language.Localise(PostPaths.ListPage(number))),
                Translation = PageTranslation.OfSite(options, language, PostPaths.ListPage(number)),
                Alternates = PostList.FeedLinks(options, language),
            },
        }, language);
}
