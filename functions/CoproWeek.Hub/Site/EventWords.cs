using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>The plain-word answers shared by the event page, the cards, the calendar files and the JSON.</summary>
internal static class EventWords
{
    public static string Cost(EventDetails e) => e.IsFree ? "Free" : e.Cost!.Trim();

    public static string Format(EventDetails e) => Vocabulary.NameOf(Vocabulary.Formats, e.Format);

    public static string Region(EventDetails e) => Vocabulary.NameOf(Vocabulary.Regions, e.Region);

    public static bool HasVenue(EventDetails e) =>
        e.Venue is { } v && (!string.IsNullOrWhiteSpace(v.Name) || !string.IsNullOrWhiteSpace(v.Address) || !string.IsNullOrWhiteSpace(v.Postcode));

    public static bool IsOnline(EventDetails e) => e.Format is "online" or "hybrid" || (e.Online is not null && !HasVenue(e));

    /// <summary>The venue's name, address and postcode on one line, skipping what is missing.</summary>
    public static string VenueLine(EventDetails e) =>
        e.Venue is { } v
            ? string.Join(", ", new[] { v.Name, v.Address, v.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Flatten(p!)))
            : "";

    /// <summary>Where, in one line, for a calendar's LOCATION: the venue, "Online", or both.</summary>
    public static string Location(EventDetails e)
    {
        var venue = VenueLine(e);
        return (venue.Length > 0, IsOnline(e)) switch
        {
            (true, true) => $"{venue}, and online",
            (true, false) => venue,
            (false, true) => "Online",
            _ => "",
        };
    }

    public static string Paid(Coproduction c) => c.ParticipantsPaid
        ? "People with lived experience who take part are paid for their time."
        : "People with lived experience who take part are not paid for their time.";

    public static string Expenses(Coproduction c) => c.ExpensesCovered
        ? "Their expenses, like travel, are covered."
        : "Their expenses are not covered.";

    public static IEnumerable<string> AccessNames(EventDetails e) =>
        e.Access.Needs().Select(id => Vocabulary.NameOf(Vocabulary.AccessNeeds, id));

    private static string Flatten(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().TrimEnd(',')));
}
