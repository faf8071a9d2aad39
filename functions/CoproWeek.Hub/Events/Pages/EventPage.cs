using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Events.Pages;

/// <summary>
/// <c>events/{slug}/index.html</c> (and <c>cy/events/{slug}/index.html</c>): one event, easy read first, in the
/// reader's language. Never reads <see cref="EventDetails.Contact"/>.
/// </summary>
public sealed partial class EventPage
{
    public static string Render(PublishedEvent published, SiteOptions options, Language language = Language.English) =>
        ComponentRenderer.Shared.Render<EventPage>(new Dictionary<string, object?>
        {
            [nameof(Event)] = published,
            [nameof(Options)] = options,
            [nameof(Language)] = language,
        }, language);

    // The venue's lines, each line break of the organiser's address kept.
    private static IEnumerable<string> VenueLines(Venue venue) =>
        new[] { venue.Name, venue.Address, venue.Postcode }
            .Where(part => !string.IsNullOrWhiteSpace(part))
            .SelectMany(part => part!.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
