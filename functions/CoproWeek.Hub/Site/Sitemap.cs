using System.Globalization;
using System.Security;
using System.Text;
using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>One extra address for the sitemap, such as a story page, and its Welsh twin if it has one.</summary>
public sealed record SitemapUrl(string Location, DateTimeOffset? LastModified = null)
{
    /// <summary>The same page in Welsh: both are listed, each naming the other with <c>hreflang</c>. Null for a page in English only.</summary>
    public string? Welsh { get; init; }

    /// <summary>A static page by its English blob name, with its Welsh twin under <c>cy/</c>.</summary>
    public static SitemapUrl OfSite(SiteOptions options, string englishPath, DateTimeOffset? lastModified = null) =>
        new(options.Url(englishPath), lastModified) { Welsh = options.Url(Language.Welsh.Localise(englishPath)) };
}

/// <summary>
/// <c>sitemap.xml</c>: the home page, every page of the events list and of its filter pages, the subscribe and submit-event
/// forms, every event page, and any extra URLs (stories, supporters), each in English and Welsh with <c>xhtml:link rel="alternate" hreflang</c> pairs between them.
/// </summary>
public static class Sitemap
{
    public const string ContentType = "application/xml; charset=utf-8";

    /// <param name="now">When the lists were built: with it the lists' later pages are listed too; without it, only their first pages.</param>
    public static string Render(IEnumerable<PublishedEvent> events, SiteOptions options, IEnumerable<SitemapUrl>? extra = null, DateTimeOffset? now = null)
    {
        events = events as IReadOnlyCollection<PublishedEvent> ?? events.ToList();
        var xml = new StringBuilder(128 * 1024);
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        Url(xml, SitemapUrl.OfSite(options, SitePaths.Home));
        foreach (var path in now is { } at ? EventList.PagePaths(events, at) : EventList.PagePaths())
        {
            Url(xml, SitemapUrl.OfSite(options, path));
        }
        Url(xml, SitemapUrl.OfSite(options, SitePaths.SubmitEvent));
        Url(xml, SitemapUrl.OfSite(options, SitePaths.Subscribe));
        foreach (var published in events.OrderBy(e => e.Details.Start).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            Url(xml, SitemapUrl.OfSite(options, SitePaths.EventPage(published.Slug), published.PublishedAt));
        }
        foreach (var url in extra ?? [])
        {
            Url(xml, url);
        }
        return xml.Append("</urlset>\n").ToString();
    }

    private static void Url(StringBuilder xml, SitemapUrl url)
    {
        Entry(xml, url.Location, url);
        if (url.Welsh is { } welsh)
        {
            Entry(xml, welsh, url);
        }
    }

    // Each language's entry names both, itself included, as Google asks; English is the default for other readers.
    private static void Entry(StringBuilder xml, string location, SitemapUrl url)
    {
        xml.Append("<url><loc>").Append(SecurityElement.Escape(location)).Append("</loc>");
        if (url.LastModified is { } at)
        {
            xml.Append("<lastmod>").Append(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</lastmod>");
        }
        if (url.Welsh is { } welsh)
        {
            Alternate(xml, "en", url.Location);
            Alternate(xml, "cy", welsh);
            Alternate(xml, "x-default", url.Location);
        }
        xml.Append("</url>\n");
    }

    private static void Alternate(StringBuilder xml, string hreflang, string href) =>
        xml.Append("<xhtml:link rel=\"alternate\" hreflang=\"").Append(hreflang).Append("\" href=\"").Append(SecurityElement.Escape(href)).Append("\"/>");
}
