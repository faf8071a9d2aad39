using System.Text;
using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>
/// Calendars to subscribe to: all upcoming events, and one per region and per topic
/// (<c>events/region/wales/calendar.ics</c>). A <c>webcal:</c> link opens the reader's calendar app, which then keeps
/// the calendar up to date by itself; the https link is for apps that ask for an address.
/// </summary>
public static class CalendarSubscriptions
{
    /// <summary>The facets that have a calendar of their own.</summary>
    public static readonly IReadOnlyList<Facet> Facets = [Facet.Region, Facet.Topic];

    /// <summary>The calendar files for every region and topic, beside their list pages.</summary>
    public static IEnumerable<SiteFile> Files(IReadOnlyList<PublishedEvent> upcoming, DateTimeOffset now, SiteOptions options) =>
        Facets.SelectMany(facet => facet.Terms.Select(term => new SiteFile(
            SitePaths.FilterCalendar(facet, term.Id),
            EventCalendar.ContentType,
            EventCalendar.ForAll(upcoming.Where(e => facet.Matches(e.Details, term.Id)), now, options, $"{EventCalendar.CalendarName}: {term.Name}"))));

    /// <summary>"Subscribe to these events in your calendar" for a list page: its own calendar if it has one, else the whole one.</summary>
    public static StringBuilder CalendarSubscription(this StringBuilder html, SiteOptions options, Facet? facet, Term? term)
    {
        var own = facet is not null && term is not null && Facets.Contains(facet);
        var url = options.Public(own ? SitePaths.FilterCalendar(facet!, term!.Id) : SitePaths.Calendar);
        var what = own ? facet!.Heading(term!).Replace("Events", "these events", StringComparison.Ordinal) : "all events";
        html.Append("<section class=\"subscribe-calendar\" aria-labelledby=\"subscribe-calendar\">\n<h2 id=\"subscribe-calendar\">Follow in your calendar</h2>\n")
            .Append("<p>Your calendar app can show ").Text(what).Append(" and keep them up to date.</p>\n<ul>\n")
            .Append("<li><a href=\"").Text(AddToCalendar.Webcal(url)).Append("\">Subscribe in your calendar app</a></li>\n")
            .Append("<li><a href=\"").Text(url).Append("\">Calendar address (.ics)</a> <span class=\"hint\">to copy into Google Calendar or Outlook</span></li>\n")
            .Append("</ul>\n</section>\n");
        return html;
    }
}
