using System.Globalization;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Events.Pages;

/// <summary>
/// "Add to your calendar" on an event page: the <c>.ics</c> file (Apple, Outlook on a computer, most phones), and links
/// that open Google Calendar and Outlook on the web with the event filled in. Plain links, so no script is needed.
/// The component is the event page's list of them; the links themselves are built here.
/// </summary>
public sealed partial class AddToCalendar
{
    /// <summary>Google Calendar's "create event" template: times in UTC as <c>yyyyMMddTHHmmssZ/…</c>.</summary>
    public static string Google(PublishedEvent published, SiteOptions options, Language language = Language.English)
    {
        var e = published.Details;
        return "https://calendar.google.com/calendar/render?action=TEMPLATE"
            + "&text=" + Uri.EscapeDataString(e.TextFor(language).Title)
            + "&dates=" + Utc(e.Start) + "/" + Utc(e.End)
            + "&details=" + Uri.EscapeDataString(Details(published, options, language))
            + (EventWords.Location(e) is { Length: > 0 } location ? "&location=" + Uri.EscapeDataString(location) : "")
            + "&ctz=Europe%2FLondon";
    }

    /// <summary>Outlook on the web's compose deep link (Outlook.com or Microsoft 365): times in ISO 8601 UTC.</summary>
    public static string Outlook(string origin, PublishedEvent published, SiteOptions options, Language language = Language.English)
    {
        var e = published.Details;
        return origin + "/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
            + "&subject=" + Uri.EscapeDataString(e.TextFor(language).Title)
            + "&startdt=" + Uri.EscapeDataString(Iso(e.Start))
            + "&enddt=" + Uri.EscapeDataString(Iso(e.End))
            + "&body=" + Uri.EscapeDataString(Details(published, options, language))
            + (EventWords.Location(e) is { Length: > 0 } location ? "&location=" + Uri.EscapeDataString(location) : "");
    }

    /// <summary>A calendar's address for subscribing (<c>webcal:</c>), from its https or http address.</summary>
    public static string Webcal(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "webcal://" + url["https://".Length..]
        : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "webcal://" + url["http://".Length..]
        : url;

    // A bilingual event's words in the reader's language, and the page in that language.
    private static string Details(PublishedEvent published, SiteOptions options, Language language) =>
        $"{published.Details.TextFor(language).Summary.Trim()}\n\n{options.EventUrl(language, published.Slug)}";

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
