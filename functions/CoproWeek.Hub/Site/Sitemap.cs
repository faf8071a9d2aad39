using System.Globalization;
using System.Security;
using System.Text;
using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>One extra address for the sitemap, such as a story page.</summary>
public sealed record SitemapUrl(string Location, DateTimeOffset? LastModified = null);

/// <summary><c>sitemap.xml</c>: the home page, the events list and its filter pages, every event page, and any extra URLs (stories).</summary>
public static class Sitemap
{
    public const string ContentType = "application/xml; charset=utf-8";

    public static string Render(IEnumerable<PublishedEvent> events, SiteOptions options, IEnumerable<SitemapUrl>? extra = null)
    {
        var xml = new StringBuilder(64 * 1024);
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        Url(xml, options.Url(SitePaths.Home), null);
        foreach (var path in EventList.PagePaths())
        {
            Url(xml, options.Url(path), null);
        }
        Url(xml, options.Url(SitePaths.SubmitEvent), null);
        Url(xml, options.Url(SitePaths.Subscribe), null);
        foreach (var published in events.OrderBy(e => e.Details.Start).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            Url(xml, options.Url(SitePaths.EventPage(published.Slug)), published.PublishedAt);
        }
        foreach (var url in extra ?? [])
        {
            Url(xml, url.Location, url.LastModified);
        }
        return xml.Append("</urlset>\n").ToString();
    }

    private static void Url(StringBuilder xml, string location, DateTimeOffset? modified)
    {
        xml.Append("<url><loc>").Append(SecurityElement.Escape(location)).Append("</loc>");
        if (modified is { } at)
        {
            xml.Append("<lastmod>").Append(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</lastmod>");
        }
        xml.Append("</url>\n");
    }
}
