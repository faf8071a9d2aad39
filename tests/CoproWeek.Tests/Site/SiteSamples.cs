using CoproWeek.Hub;
using CoproWeek.Hub.Events;

namespace CoproWeek.Tests.Site;

/// <summary>Events and settings for the site's rendering tests.</summary>
internal static class SiteSamples
{
    public const string ContactEmail = "private.person@example.org";
    public const string ContactName = "Priya Private-Contact";

    public static readonly string[] Hostile =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "</script><script>alert(1)</script>",
    ];

    public static SiteOptions Options() => new()
    {
        PublicUrl = "https://www.coproductionweek.example",
        ApiUrl = "https://hub.coproductionweek.example",
        WeekStarts = new DateOnly(2027, 7, 5),
    };

    /// <summary>Monday 5 July 2027, 10am to 12:30pm UK time (BST), in person in London.</summary>
    public static EventDetails Details() => new()
    {
        Title = "Planning our carers' strategy together",
        Summary = "Carers and council staff plan next year's support, as equals.",
        Description = "We will share what carers told us.\nThen we plan together.\n\nLunch is provided.",
        Organiser = new Organiser { Name = "Riverside Carers Network", Website = "https://riverside.example/carers" },
        Contact = new Contact { Name = ContactName, Email = ContactEmail },
        Start = new DateTimeOffset(2027, 7, 5, 10, 0, 0, TimeSpan.FromHours(1)),
        End = new DateTimeOffset(2027, 7, 5, 12, 30, 0, TimeSpan.FromHours(1)),
        Format = "in-person",
        Venue = new Venue { Name = "Riverside Community Centre", Address = "1 Mill Lane, Riverside", Postcode = "RV1 2AB" },
        Region = "london",
        Topics = ["social-care", "local-government"],
        Cost = "free",
        BookingUrl = "https://tickets.example/carers",
        EasyRead = "This is a meeting about help for carers.\n\nYou can say what you think.",
        Coproduction = new Coproduction
        {
            LivedExperienceInvolvement = "Three carers planned the day with us and will chair the tables.",
            ParticipantsPaid = true,
            ExpensesCovered = true,
        },
        Access = new Access { StepFree = true, Bsl = true, HearingLoop = true, AccessibleToilets = true, Notes = "Parking at the back." },
    };

    public static PublishedEvent Published(EventDetails? details = null, string id = "evt-1", string slug = "planning-our-carers-strategy", int version = 3) =>
        new(id, slug, version, details ?? Details(), new DateTimeOffset(2027, 6, 1, 9, 15, 0, TimeSpan.Zero));

    public static PublishedEvent Online(string id = "evt-online") => Published(Details() with
    {
        Title = "Online webinar on co-produced research",
        Format = "online",
        Venue = null,
        Online = new OnlineDetails { JoiningInfo = "We will email a Zoom link the day before." },
        Region = "uk-wide",
        Topics = ["research"],
        Cost = "£5, free for people with lived experience",
        Access = new Access { Captions = true },
        Start = new DateTimeOffset(2027, 7, 6, 14, 0, 0, TimeSpan.FromHours(1)),
        End = new DateTimeOffset(2027, 7, 6, 15, 0, 0, TimeSpan.FromHours(1)),
    }, id, "online-webinar-on-coproduced-research");

    /// <summary>An event with attack text in every user-written field.</summary>
    public static PublishedEvent HostileEvent(string attack) => Published(Details() with
    {
        Title = attack,
        Summary = attack,
        Description = attack + "\n\n" + attack,
        EasyRead = attack,
        Organiser = new Organiser { Name = attack, Website = "javascript:alert(1)" },
        Venue = new Venue { Name = attack, Address = attack, Postcode = attack },
        Cost = attack,
        BookingUrl = "javascript:alert(1)",
        Coproduction = new Coproduction { LivedExperienceInvolvement = attack },
        Access = new Access { StepFree = true, Notes = attack },
    }, "evt-hostile", "hostile");
}
