namespace CoproWeek.Hub.Site;

/// <summary>
/// Where each file of the public site lives. Blob names (in <c>$web</c>) have no leading slash; links use the
/// absolute public URL, because some pages (the form shown again with errors, the manage page) are served by the API
/// on another origin and their links and stylesheet must still reach the static site.
/// </summary>
public static class SitePaths
{
    public const string Home = "index.html";
    public const string NotFound = "404.html";
    public const string Stylesheet = "assets/site.css";
    public const string Events = "events/index.html";
    public const string EventsJson = "events/events.json";
    public const string Calendar = "events/calendar.ics";
    public const string Sitemap = "sitemap.xml";
    public const string SubmitEvent = "submit-event/index.html";
    public const string SubmitEventThanks = "submit-event/thanks/index.html";
    public const string Subscribe = "subscribe/index.html";

    public static string EventPage(string slug) => $"events/{Segment(slug)}/index.html";

    public static string EventCalendar(string slug) => $"events/{Segment(slug)}/event.ics";

    /// <summary>The folder URL path of an event page: <c>events/{slug}/</c>.</summary>
    public static string EventFolder(string slug) => $"events/{Segment(slug)}/";

    /// <summary>A filter page, e.g. <c>events/region/london/index.html</c>.</summary>
    public static string Filter(Facet facet, string id) => $"events/{facet.Segment}/{Segment(id)}/index.html";

    /// <summary>A filter's own calendar, e.g. <c>events/region/wales/calendar.ics</c>.</summary>
    public static string FilterCalendar(Facet facet, string id) => $"events/{facet.Segment}/{Segment(id)}/calendar.ics";

    /// <summary>The URL of a page from its blob name: <c>events/index.html</c> becomes <c>{PublicUrl}/events/</c>.</summary>
    public static string Url(this SiteOptions options, string blobName) =>
        options.Public(blobName.EndsWith("index.html", StringComparison.Ordinal) ? blobName[..^"index.html".Length] : blobName);

    // Slugs and vocabulary ids are made by the hub, but a path segment is escaped anyway so nothing can climb out of its folder.
    private static string Segment(string value) => Uri.EscapeDataString(value);
}
