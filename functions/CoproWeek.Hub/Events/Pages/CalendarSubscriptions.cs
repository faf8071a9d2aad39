using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Events.Pages;

/// <summary>
/// Calendars to subscribe to: all upcoming events, and one per region and per topic
/// (<c>events/region/wales/calendar.ics</c>). A <c>webcal:</c> link opens the reader's calendar app, which then keeps
/// the calendar up to date by itself; the https link is for apps that ask for an address. The component is the
/// "Follow in your calendar" part of a list page.
/// </summary>
public sealed partial class CalendarSubscriptions
{
    /// <summary>The facets that have a calendar of their own.</summary>
    public static readonly IReadOnlyList<Facet> Facets = [Facet.Region, Facet.Topic];

    /// <summary>The calendar files for every region and topic, beside their list pages.</summary>
    public static IEnumerable<SiteFile> Files(IReadOnlyList<PublishedEvent> upcoming, DateTimeOffset now, SiteOptions options) =>
        Facets.SelectMany(facet => facet.Terms.Select(term => new SiteFile(
            SitePaths.FilterCalendar(facet, term.Id),
            EventCalendar.ContentType,
            EventCalendar.ForAll(upcoming.Where(e => facet.Matches(e.Details, term.Id)), now, options, $"{EventCalendar.CalendarName}: {term.Name}"))));
}
