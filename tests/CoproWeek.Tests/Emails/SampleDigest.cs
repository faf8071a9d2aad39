using CoproWeek.Hub.Publishing;

namespace CoproWeek.Tests.Emails;

/// <summary>A run's items as the publisher records them, deliberately out of order, for the digest's tests, benchmark and browser checks.</summary>
public static class SampleDigest
{
    public static readonly DateTimeOffset Sent = new(2027, 6, 28, 7, 0, 0, TimeSpan.Zero);

    public static PublishedItem Event(string id, string title, string region, string topic, DateTimeOffset starts, string place = "Central Library, Leeds", params string[] access) =>
        new(id, "event", 1, title, $"What {title} is about.", $"https://coproweek.example/events/{id}/", region, [topic], Sent.AddDays(-2), starts, false)
        {
            Ends = starts.AddHours(2),
            Place = place,
            Access = access,
        };

    public static PublishedItem Story(string id, string title, string topic, DateTimeOffset published, string excerpt) =>
        new(id, "post", 1, title, "Lessons Start early Share power…", $"https://coproweek.example/posts/{id}/", "", [topic], published, null, false)
        {
            Author = "Ayesha",
            Organisation = "Leeds Carers Forum",
            Excerpt = excerpt,
        };

    private static DateTimeOffset July(int day, int hour, int minute = 0) => new(2027, 7, day, hour, minute, 0, TimeSpan.FromHours(1));

    /// <summary>Events on 6, 7, 9, 5 and 5 July (two at different times on the 5th), stories between them, and items the reader did not choose.</summary>
    public static IReadOnlyList<PublishedItem> Items =>
    [
        Event("e-wales-6", "Peer support in Cardiff", "wales", "mental-health", July(6, 14), "Online"),
        Story("s-housing", "Homes we designed together", "housing", Sent.AddDays(-3), "Tenants and staff planned the homes as equals. It took two years."),
        Event("e-wales-7", "Planning together in Swansea", "wales", "housing", July(7, 10), "Swansea Guildhall", "Step-free access", "British Sign Language (BSL)"),
        Event("e-london-9", "Carers' voices in Camden", "london", "mental-health", July(9, 18, 30)),
        Event("e-scotland-5", "Not for this reader: Scotland", "scotland", "mental-health", July(5, 9)),
        Event("e-uk-5-late", "A national webinar", "uk-wide", "housing", July(5, 16), "Online"),
        Event("e-wales-5-early", "Breakfast with the board", "wales", "housing", July(5, 8, 30)),
        Event("e-wales-health", "Not for this reader: another topic", "wales", "health", July(5, 11)),
        Story("s-mental", "Listening first", "mental-health", Sent.AddDays(-5), "We listened first. Then we planned."),
        Story("s-health", "Not for this reader: a health story", "health", Sent.AddDays(-4), "About hospitals."),
    ];
}
