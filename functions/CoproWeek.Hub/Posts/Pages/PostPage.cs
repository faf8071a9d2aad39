using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Posts;

/// <summary>A published event a story links to: its words and page in each language.</summary>
public sealed record RelatedEvent(ListingText English, ListingText Welsh, string Url, string WelshUrl)
{
    public RelatedLink For(Language reader) => reader == Language.Welsh ? new(Welsh, WelshUrl) : new(English, Url);

    /// <summary>The link to a published event with this listing and slug.</summary>
    public static RelatedEvent Of(Events.EventDetails listing, string slug, SiteOptions options)
    {
        var path = SitePaths.EventPage(slug);
        return new(listing.TextFor(Language.English), listing.TextFor(Language.Welsh), options.Url(path), options.Url(Language.Welsh.Localise(path)));
    }
}

/// <summary>The words and address of a related event as one reader sees them.</summary>
public sealed record RelatedLink(ListingText Text, string Url);

/// <summary>
/// <c>posts/{slug}/index.html</c> and its Welsh twin <c>cy/posts/{slug}/index.html</c> (<see cref="Pages.StoryPage"/>):
/// one story with its author, date, pictures and tags, and schema.org <c>BlogPosting</c> data. Takes only
/// <see cref="PublicPost"/>, which has no email address, and bodies already made safe by <see cref="PostBodyRenderer"/>.
/// </summary>
public static class PostPage
{
    /// <param name="modified">When this version was published (schema.org <c>dateModified</c>); the first publication if not given.</param>
    /// <param name="safeWelshBodyHtml">A bilingual story's Welsh words, made safe; null for a story in one language.</param>
    public static string Render(PublishedPost published, string safeBodyHtml, RelatedEvent? related, SiteOptions options, DateTimeOffset? modified = null,
        Language language = Language.English, string? safeWelshBodyHtml = null)
    {
        var p = published.Post;
        var text = p.TextFor(language);
        var head = new PageHead
        {
            Description = text.Summary,
            Canonical = StoryCredits.Canonical(published, options, language),
            Translation = PageTranslation.OfSite(options, language, PostPaths.Page(published.Slug)),
            JsonLd = StoryJsonLd.Write(published, options, modified ?? published.PublishedAt, language),
            Alternates = PostList.FeedLinks(options, language),
            OpenGraphType = "article",
            Image = p.Images.Count > 0 ? new SharedImage(p.Images[0].Url, p.Images[0].Width, p.Images[0].Height, p.Images[0].Alt) : null,
        };
        return ComponentRenderer.Shared.Render<Pages.StoryPage>(new Dictionary<string, object?>
        {
            [nameof(Pages.StoryPage.Published)] = published,
            [nameof(Pages.StoryPage.Options)] = options,
            [nameof(Pages.StoryPage.Body)] = safeBodyHtml,
            [nameof(Pages.StoryPage.WelshBody)] = safeWelshBodyHtml,
            [nameof(Pages.StoryPage.Related)] = related,
            [nameof(Pages.StoryPage.Head)] = head,
            [nameof(Pages.StoryPage.Language)] = language,
        }, language);
    }

    /// <summary>A card in a list of stories (the home page's too): title link, kind, author, date and summary.</summary>
    public static string Card(PublishedPost published, SiteOptions options, int headingLevel = 2, Language language = Language.English) =>
        ComponentRenderer.Shared.Render<Pages.StoryCard>(new Dictionary<string, object?>
        {
            [nameof(Pages.StoryCard.Published)] = published,
            [nameof(Pages.StoryCard.Options)] = options,
            [nameof(Pages.StoryCard.HeadingLevel)] = headingLevel,
            [nameof(Pages.StoryCard.Language)] = language,
        }, language);
}
