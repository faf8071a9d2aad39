using System.Text.RegularExpressions;
using CoproWeek.Hub.Http;

namespace CoproWeek.Hub.Events;

/// <summary>The outcome of reading an event: the details, or every problem by field; and whether the honeypot was filled.</summary>
public sealed record EventInput(EventDetails? Details, Dictionary<string, string[]> Errors, bool Honeypot);

/// <summary>Checks an event submission field by field. The same rules serve the JSON API and the HTML form.</summary>
public static partial class EventValidator
{
    /// <summary>The hidden field people never see; bots fill it in.</summary>
    public const string HoneypotField = "website";
    public static readonly TimeSpan LongestEvent = TimeSpan.FromDays(14);

    public static EventInput Read(InputFields input, DateTimeOffset now)
    {
        var f = new FieldReader(input);
        var honeypot = f.Take(HoneypotField) is { Text: { Length: > 0 } };

        var title = f.Text("title", "a title", 120, required: true);
        var summary = f.Text("summary", "a short summary", 300, required: true);
        var description = f.Text("description", "a description", 5000, required: true, multiline: true);
        var organiserName = f.Text("organiser.name", "the organiser's name", 120, required: true);
        var organiserWebsite = f.Https("organiser.website", "the organiser's website");
        var contactName = f.Text("contact.name", "a contact name", 120, required: true);
        var contactEmail = f.Email("contact.email", "a contact email address", required: true);
        var start = f.Time("start", "the start date and time", required: true);
        var end = f.Time("end", "the end date and time", required: true);
        var format = f.Choice("format", "whether the event is in person, online or hybrid", Vocabulary.Formats, required: true);
        var venueName = f.Text("venue.name", "the venue's name", 120);
        var venueAddress = f.Text("venue.address", "the venue's address", 300, multiline: true);
        var postcode = f.Text("venue.postcode", "the venue's postcode", 10);
        var joiningInfo = f.Text("online.joiningInfo", "how to join online", 1000, multiline: true);
        var region = f.Choice("region", "a region", Vocabulary.Regions, required: true);
        var topics = f.Choices("topics", "topics", Vocabulary.Topics);
        var cost = f.Text("cost", "the cost", 100);
        var bookingUrl = f.Https("bookingUrl", "the booking link");
        var easyRead = f.Text("easyRead", "the easy-read summary", 1000, multiline: true);
        var involvement = f.Text("coproduction.livedExperienceInvolvement", "how people with lived experience were involved", 1000, multiline: true);
        var paid = f.Flag("coproduction.participantsPaid", "whether participants are paid");
        var expenses = f.Flag("coproduction.expensesCovered", "whether expenses are covered");
        var access = new Access
        {
            StepFree = f.Flag("access.stepFree", "step-free access"),
            Bsl = f.Flag("access.bsl", "BSL interpretation"),
            HearingLoop = f.Flag("access.hearingLoop", "a hearing loop"),
            Captions = f.Flag("access.captions", "live captions"),
            EasyReadMaterials = f.Flag("access.easyReadMaterials", "easy-read materials"),
            QuietSpace = f.Flag("access.quietSpace", "a quiet space"),
            AccessibleToilets = f.Flag("access.accessibleToilets", "accessible toilets"),
            Notes = f.Text("access.notes", "access notes", 1000, multiline: true),
        };
        var language = f.ReadLanguage();
        var welshTitle = f.Text(WelshFields.Title, "the title in Welsh", 120);
        var welshSummary = f.Text(WelshFields.Summary, "the short summary in Welsh", 300);
        var welshDescription = f.Text(WelshFields.Description, "the description in Welsh", 5000, multiline: true);
        var welshEasyRead = f.Text(WelshFields.EasyRead, "the easy-read summary in Welsh", 1000, multiline: true);
        var bilingual = f.CheckWelsh(language, input.FromForm,
            (WelshFields.Title, "the title in Welsh", welshTitle, true),
            (WelshFields.Summary, "the short summary in Welsh", welshSummary, true),
            (WelshFields.Description, "the description in Welsh", welshDescription, false),
            (WelshFields.EasyRead, "the easy-read summary in Welsh", welshEasyRead, false));
        f.RejectUnknown();

        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                f.Fail("end", "Enter an end time after the start time.");
            }
            else if (e - s > LongestEvent)
            {
                f.Fail("end", "An event can last at most 14 days. For a longer programme, list each part as its own event.");
            }
            if (s <= now)
            {
                f.Fail("start", "Enter a start time in the future.");
            }
        }
        if (format is "in-person" or "hybrid")
        {
            if (venueName is null && !f.Errors.ContainsKey("venue.name"))
            {
                f.Fail("venue.name", "Enter the venue's name, or choose online if there is no venue.");
            }
            if (venueAddress is null && !f.Errors.ContainsKey("venue.address"))
            {
                f.Fail("venue.address", "Enter the venue's address.");
            }
            if (postcode is null && !f.Errors.ContainsKey("venue.postcode"))
            {
                f.Fail("venue.postcode", "Enter the venue's postcode.");
            }
        }
        if (postcode is not null && !UkPostcode().IsMatch(postcode))
        {
            f.Fail("venue.postcode", "Enter a real UK postcode, like LS1 3AB.");
        }

        if (!f.IsValid)
        {
            return new EventInput(null, f.Errors, honeypot);
        }

        var details = new EventDetails
        {
            Title = title!,
            Summary = summary!,
            Description = description!,
            Organiser = new Organiser { Name = organiserName!, Website = organiserWebsite },
            Contact = new Contact { Name = contactName!, Email = contactEmail! },
            Start = start!.Value,
            End = end!.Value,
            Format = format!,
            Venue = venueName is null && venueAddress is null && postcode is null ? null
                : new Venue { Name = venueName, Address = venueAddress, Postcode = postcode is null ? null : NormalisePostcode(postcode) },
            Online = joiningInfo is null ? null : new OnlineDetails { JoiningInfo = joiningInfo },
            Region = region!,
            Topics = topics,
            Cost = cost,
            BookingUrl = bookingUrl,
            EasyRead = easyRead,
            Coproduction = new Coproduction { LivedExperienceInvolvement = involvement, ParticipantsPaid = paid, ExpensesCovered = expenses },
            Access = access,
            Language = language,
            Welsh = bilingual
                ? new WelshEventText { Title = welshTitle!, Summary = welshSummary!, Description = welshDescription, EasyRead = welshEasyRead }
                : null,
        };
        return new EventInput(details, f.Errors, honeypot);
    }

    /// <summary>A bilingual event's Welsh fields (JSON: the <c>welsh</c> object; form: <c>welsh.title</c> and so on).</summary>
    public static class WelshFields
    {
        public const string Title = "welsh.title";
        public const string Summary = "welsh.summary";
        public const string Description = "welsh.description";
        public const string EasyRead = "welsh.easyRead";
    }

    private static string NormalisePostcode(string postcode)
    {
        var compact = postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact[..^3] + " " + compact[^3..];
    }

    [GeneratedRegex(@"^\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}\s*$")]
    private static partial Regex UkPostcode();
}
