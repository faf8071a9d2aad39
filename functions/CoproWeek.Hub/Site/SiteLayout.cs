namespace CoproWeek.Hub.Site;

/// <summary>The parts of the site the header's navigation can mark as current.</summary>
public enum SiteSection
{
    None,
    Home,
    Events,
    Stories,
    SubmitEvent,
    Subscribe,
}

/// <summary>
/// The page every public page sits in (<see cref="Layout.SitePage"/>): skip link, header and navigation, one <c>main</c>,
/// footer. No JavaScript. This entry point serves pages whose body is still written as HTML; pages that are components
/// use <c>SitePage</c> directly.
/// </summary>
public static class SiteLayout
{
    public const string SiteName = "Co-production Week";

    public static string Render(SiteOptions options, string title, string main, SiteSection section = SiteSection.None, PageHead? head = null,
        Language language = Language.English) =>
        Rendering.ComponentRenderer.Shared.Render<Layout.SitePage>(new Dictionary<string, object?>
        {
            [nameof(Layout.SitePage.Options)] = options,
            [nameof(Layout.SitePage.Title)] = title,
            [nameof(Layout.SitePage.Main)] = main,
            [nameof(Layout.SitePage.Section)] = section,
            [nameof(Layout.SitePage.Head)] = head ?? new PageHead(),
            [nameof(Layout.SitePage.Language)] = language,
        }, language);

    // No script runs on any page (the JSON-LD block is data, not script). Forms post to the API, which may redirect
    // to the static site (the thank-you page): browsers check form-action on that redirect too, so both are listed.
    internal static string ContentSecurityPolicy(SiteOptions options)
    {
        var site = Origin(options.PublicUrl);
        var api = Origin(options.ApiUrl);
        // Each origin once: where the site and the API are one host (the self-host), a repeated host is an invalid policy.
        var forms = api == site ? site : $"{site} {api}";
        return $"default-src 'none'; style-src 'self' {site}; img-src 'self' {site} data:; form-action 'self' {forms}; base-uri 'none'";
    }

    private static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "'self'";
}

/// <summary>What a page adds to its <c>head</c>.</summary>
public sealed record PageHead
{
    public string? Description { get; init; }
    public string? Canonical { get; init; }
    /// <summary>Already-encoded JSON (see <see cref="SiteJson"/>), placed in a <c>application/ld+json</c> script block.</summary>
    public string? JsonLd { get; init; }
    public IReadOnlyList<(string Type, string Href, string Title)> Alternates { get; init; } = [];
    /// <summary>A private page (the organiser's manage page): not indexed, sends no referrer.</summary>
    public bool Private { get; init; }
    /// <summary>The picture a shared link to this page shows; the week's social card if none.</summary>
    public SharedImage? Image { get; init; }
    /// <summary>Open Graph's <c>og:type</c>: <c>website</c> unless the page is an <c>article</c>.</summary>
    public string? OpenGraphType { get; init; }
    /// <summary>This page in both languages: the header's language link and the <c>hreflang</c> alternates.</summary>
    public PageTranslation? Translation { get; init; }
}

/// <summary>A page's address in the reader's language (<see cref="Here"/>) and in the other one (<see cref="There"/>).</summary>
public sealed record PageTranslation(string Here, string There)
{
    /// <summary>A static page by its English blob name (<c>events/index.html</c>); the Welsh one is under <c>cy/</c>.</summary>
    public static PageTranslation OfSite(SiteOptions options, Language language, string englishPath) =>
        new(options.Url(language.Localise(englishPath)), options.Url(language.Other().Localise(englishPath)));

    /// <summary>A page a function answers, by its English route and query (<c>search</c>, <c>?q=…</c>); the Welsh route is under <c>cy/</c>.</summary>
    public static PageTranslation OfApi(SiteOptions options, Language language, string englishRoute, string query = "") =>
        new(options.Api(language.Localise(englishRoute)) + query, options.Api(language.Other().Localise(englishRoute)) + query);
}

/// <summary>A picture for Open Graph and Twitter cards: absolute URL, size and description.</summary>
public sealed record SharedImage(string Url, int Width, int Height, string Alt);
