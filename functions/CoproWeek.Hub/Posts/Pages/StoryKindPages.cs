using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// <c>posts/kind/{kind}/index.html</c> and its Welsh twin (<see cref="Pages.StoryKindPage"/>): the stories of one kind
/// (blogs, good-practice examples, launches), newest first, as static pages beside the full list.
/// </summary>
public static class StoryKindPages
{
    public static string Path(string kind) => $"posts/kind/{Uri.EscapeDataString(kind)}/index.html";

    /// <summary>Each kind's page in one language.</summary>
    public static IReadOnlyList<SiteFile> Render(IReadOnlyCollection<PublishedPost> posts, SiteOptions options, Language language = Language.English) =>
        StoryKinds.All.Select(kind => new SiteFile(language.Localise(Path(kind.Id)), EventSite.HtmlType,
            Page(kind.Id, PostList.Newest(posts.Where(p => StoryKinds.Of(p.Post.Kind) == kind.Id)), options, language))).ToList();

    /// <summary>The English blob names of the kinds' pages, for the sitemap.</summary>
    public static IEnumerable<string> Paths() => StoryKinds.All.Select(kind => Path(kind.Id));

    /// <summary>"Good practice examples": a kind's list as the site names it.</summary>
    public static string Plural(string kind, Language language = Language.English) => StoryCredits.KindPlural(kind, language);

    private static string Page(string kind, IReadOnlyList<PublishedPost> shown, SiteOptions options, Language language) =>
        ComponentRenderer.Shared.Render<Pages.StoryKindPage>(new Dictionary<string, object?>
        {
            [nameof(Pages.StoryKindPage.Options)] = options,
            [nameof(Pages.StoryKindPage.Kind)] = kind,
            [nameof(Pages.StoryKindPage.Shown)] = shown,
            [nameof(Pages.StoryKindPage.Language)] = language,
            [nameof(Pages.StoryKindPage.Head)] = new PageHead
            {
                Description = Localised.Get<PostText>("KindDescription", language, Plural(kind, language)),
                Canonical = options.Url(language.Localise(Path(kind))),
                Translation = PageTranslation.OfSite(options, language, Path(kind)),
                Alternates = PostList.FeedLinks(options, language),
            },
        }, language);
}
