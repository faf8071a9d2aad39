using System.Text;

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

/// <summary>The page every public page sits in: skip link, header and navigation, one <c>main</c>, footer. No JavaScript.</summary>
public static class SiteLayout
{
    public const string SiteName = "Co-production Week";

    public static string Render(SiteOptions options, string title, string main, SiteSection section = SiteSection.None, PageHead? head = null)
    {
        var html = new StringBuilder(main.Length + 3000);
        html.Append("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Html.Encode(ContentSecurityPolicy(options))).Append("\">\n");
        if (head?.Private == true)
        {
            // The manage page's URL holds the organiser's token: keep it out of search engines and other sites' logs.
            html.Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
        }
        html.Append("<title>").Text(title).Append(" – ").Append(SiteName).Append("</title>\n");
        // Every page has a description, for search results and shared links; a page without its own gets the week's.
        var description = head?.Description is { Length: > 0 } own ? own : DefaultDescription(options);
        html.Append("<meta name=\"description\" content=\"").Text(description).Append("\">\n");
        if (head?.Canonical is { Length: > 0 } canonical)
        {
            html.Append("<link rel=\"canonical\" href=\"").Text(canonical).Append("\">\n");
        }
        SocialTags(html, options, title, description, head);
        foreach (var (type, href, linkTitle) in head?.Alternates ?? [])
        {
            html.Append("<link rel=\"alternate\" type=\"").Text(type).Append("\" href=\"").Text(href).Append("\" title=\"").Text(linkTitle).Append("\">\n");
        }
        html.Append("<link rel=\"stylesheet\" href=\"").Text(options.Public(SitePaths.Stylesheet)).Append("\">\n")
            .Append("<link rel=\"icon\" href=\"").Text(options.Public(Brand.FaviconIco)).Append("\" sizes=\"32x32\">\n")
            .Append("<link rel=\"icon\" href=\"").Text(options.Public(Brand.FaviconSvg)).Append("\" type=\"image/svg+xml\">\n")
            .Append("<link rel=\"apple-touch-icon\" href=\"").Text(options.Public(Brand.TouchIcon)).Append("\">\n")
            .Append("<meta name=\"theme-color\" content=\"").Append(Brand.Navy).Append("\">\n");
        if (head?.JsonLd is { Length: > 0 } jsonLd)
        {
            // The JSON is written with '<' escaped as \u003C, so nothing in it can close this element.
            html.Append("<script type=\"application/ld+json\">").Append(jsonLd).Append("</script>\n");
        }
        html.Append("</head>\n<body>\n")
            .Append("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n")
            .Append("<header class=\"site-header\">\n<div class=\"wrap\">\n")
            .Append("<a class=\"site-name\" href=\"").Text(options.Public("")).Append('"')
            .Append(section == SiteSection.Home ? " aria-current=\"page\"" : "").Append('>').Append(Brand.HeaderMark).Append("<span>").Append(SiteName).Append("</span></a>\n")
            .Append("<nav aria-label=\"Main\">\n<ul class=\"site-nav\">\n");
        NavItem(html, options, "events/", "Events", section == SiteSection.Events);
        NavItem(html, options, "posts/", "Stories", section == SiteSection.Stories);
        NavItem(html, options, "submit-event/", "Submit an event", section == SiteSection.SubmitEvent);
        NavItem(html, options, "subscribe/", "Get updates by email", section == SiteSection.Subscribe);
        html.Append("<li><a href=\"").Text(options.Api(Triggers.Routes.Search)).Append("\">Search</a></li>\n");
        html.Append("</ul>\n</nav>\n</div>\n</header>\n")
            .Append("<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n")
            .Append(main)
            .Append("\n</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n")
            .Append("<p>").Append(SiteName).Append(": people who use services, carers and professionals working together as equals.</p>\n")
            .Append("<p>Nothing about us without us.</p>\n")
            .Append("<ul class=\"footer-links\"><li><a href=\"").Text(options.Public("events/events.json")).Append("\">Events as data (JSON)</a></li>")
            .Append("<li><a href=\"").Text(options.Public(SitePaths.Calendar)).Append("\">All events for your calendar</a></li>")
            .Append("<li><a href=\"").Text(AddToCalendar.Webcal(options.Public(SitePaths.Calendar))).Append("\">Subscribe to all events in your calendar app</a></li></ul>\n")
            .Append("</div>\n</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    // Open Graph (Facebook, LinkedIn, WhatsApp, Slack, Mastodon) and Twitter/X card tags: what a shared link shows.
    private static void SocialTags(StringBuilder html, SiteOptions options, string title, string description, PageHead? head)
    {
        var image = head?.Image;
        html.Append("<meta property=\"og:site_name\" content=\"").Append(SiteName).Append("\">\n")
            .Append("<meta property=\"og:locale\" content=\"en_GB\">\n")
            .Append("<meta property=\"og:type\" content=\"").Text(head?.OpenGraphType ?? "website").Append("\">\n")
            .Append("<meta property=\"og:title\" content=\"").Text(title).Append("\">\n")
            .Append("<meta property=\"og:description\" content=\"").Text(description).Append("\">\n");
        if (head?.Canonical is { Length: > 0 } canonical)
        {
            html.Append("<meta property=\"og:url\" content=\"").Text(canonical).Append("\">\n");
        }
        var imageUrl = image?.Url ?? options.Public(Brand.SocialCard);
        html.Append("<meta property=\"og:image\" content=\"").Text(imageUrl).Append("\">\n")
            .Append("<meta property=\"og:image:width\" content=\"").Append(image?.Width ?? Brand.SocialCardWidth).Append("\">\n")
            .Append("<meta property=\"og:image:height\" content=\"").Append(image?.Height ?? Brand.SocialCardHeight).Append("\">\n")
            .Append("<meta property=\"og:image:alt\" content=\"").Text(image?.Alt ?? $"{SiteName}: nothing about us without us. {UkTime.Week(options.WeekStarts)}.").Append("\">\n")
            .Append("<meta name=\"twitter:card\" content=\"summary_large_image\">\n")
            .Append("<meta name=\"twitter:title\" content=\"").Text(title).Append("\">\n")
            .Append("<meta name=\"twitter:description\" content=\"").Text(description).Append("\">\n")
            .Append("<meta name=\"twitter:image\" content=\"").Text(imageUrl).Append("\">\n");
    }

    /// <summary>What a page says about itself when it has nothing more particular to say.</summary>
    public static string DefaultDescription(SiteOptions options) =>
        $"{SiteName}, {UkTime.Week(options.WeekStarts)}: events and stories from people who use services, carers and professionals working together as equals.";

    private static void NavItem(StringBuilder html, SiteOptions options, string path, string label, bool current) =>
        html.Append("<li><a href=\"").Text(options.Public(path)).Append('"')
            .Append(current ? " aria-current=\"page\"" : "").Append('>').Append(label).Append("</a></li>\n");

    // No script runs on any page (the JSON-LD block is data, not script). Forms post to the API, which may redirect
    // to the static site (the thank-you page): browsers check form-action on that redirect too, so both are listed.
    private static string ContentSecurityPolicy(SiteOptions options)
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
}

/// <summary>A picture for Open Graph and Twitter cards: absolute URL, size and description.</summary>
public sealed record SharedImage(string Url, int Width, int Height, string Alt);
