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

    public static EventInput Read(InputFields input, DateTimeOffset now, Language pageLanguage = Hub.Language.English)
    {
        var f = new FieldReader(input, pageLanguage);
        var honeypot = f.Take(HoneypotField) is { Text: { Length: > 0 } };

        var title = f.Text("title", f.Label("title"), 120, required: true);
        var summary = f.Text("summary", f.Label("summary"), 300, required: true);
        var description = f.Text("description", f.Label("description"), 5000, required: true, multiline: true);
        var organiserName = f.Text("organiser.name", f.Label("organiser.name"), 120, required: true);
        var organiserWebsite = f.Https("organiser.website", f.Label("organiser.website"));
        var contactName = f.Text("contact.name", f.Label("contact.name"), 120, required: true);
        var contactEmail = f.Email("contact.email", f.Label("contact.email"), required: true);
        var start = f.Time("start", f.Label("start"), required: true);
        var end = f.Time("end", f.Label("end"), required: true);
        var format = f.Choice("format", f.Label("format"), Vocabulary.Formats, required: true);
        var venueName = f.Text("venue.name", f.Label("venue.name"), 120);
        var venueAddress = f.Text("venue.address", f.Label("venue.address"), 300, multiline: true);
        var postcode = f.Text("venue.postcode", f.Label("venue.postcode"), 10);
        var joiningInfo = f.Text("online.joiningInfo", f.Label("online.joiningInfo"), 1000, multiline: true);
        var region = f.Choice("region", f.Label("region"), Vocabulary.Regions, required: true);
        var topics = f.Choices("topics", f.Label("topics"), Vocabulary.Topics);
        var cost = f.Text("cost", f.Label("cost"), 100);
        var bookingUrl = f.Https("bookingUrl", f.Label("bookingUrl"));
        var easyRead = f.Text("easyRead", f.Label("easyRead"), 1000, multiline: true);
        var involvement = f.Text("coproduction.livedExperienceInvolvement", f.Label("coproduction.livedExperienceInvolvement"), 1000, multiline: true);
        var paid = f.Flag("coproduction.participantsPaid", f.Label("coproduction.participantsPaid"));
        var expenses = f.Flag("coproduction.expensesCovered", f.Label("coproduction.expensesCovered"));
        var access = new Access
        {
            StepFree = f.Flag("access.stepFree", f.Label("access.stepFree")),
            Bsl = f.Flag("access.bsl", f.Label("access.bsl")),
            HearingLoop = f.Flag("access.hearingLoop", f.Label("access.hearingLoop")),
            Captions = f.Flag("access.captions", f.Label("access.captions")),
            EasyReadMaterials = f.Flag("access.easyReadMaterials", f.Label("access.easyReadMaterials")),
            QuietSpace = f.Flag("access.quietSpace", f.Label("access.quietSpace")),
            AccessibleToilets = f.Flag("access.accessibleToilets", f.Label("access.accessibleToilets")),
            Notes = f.Text("access.notes", f.Label("access.notes"), 1000, multiline: true),
        };
        var language = f.ReadLanguage();
        var welshTitle = f.Text(WelshFields.Title, f.Label(WelshFields.Title), 120);
        var welshSummary = f.Text(WelshFields.Summary, f.Label(WelshFields.Summary), 300);
        var welshDescription = f.Text(WelshFields.Description, f.Label(WelshFields.Description), 5000, multiline: true);
        var welshEasyRead = f.Text(WelshFields.EasyRead, f.Label(WelshFields.EasyRead), 1000, multiline: true);
        var bilingual = f.CheckWelsh(language, input.FromForm,
            (WelshFields.Title, f.Label(WelshFields.Title), welshTitle, true),
            (WelshFields.Summary, f.Label(WelshFields.Summary), welshSummary, true),
            (WelshFields.Description, f.Label(WelshFields.Description), welshDescription, false),
            (WelshFields.EasyRead, f.Label(WelshFields.EasyRead), welshEasyRead, false));
        f.RejectUnknown();

        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                f.Fail("end", f.Say("Event.EndAfterStart"));
            }
            else if (e - s > LongestEvent)
            {
                f.Fail("end", f.Say("Event.TooLong"));
            }
            if (s <= now)
            {
                f.Fail("start", f.Say("Event.StartInFuture"));
            }
        }
        if (format is "in-person" or "hybrid")
        {
            if (venueName is null && !f.Errors.ContainsKey("venue.name"))
            {
                f.Fail("venue.name", f.Say("Event.VenueName"));
            }
            if (venueAddress is null && !f.Errors.ContainsKey("venue.address"))
            {
                f.Fail("venue.address", f.Say("Event.VenueAddress"));
            }
            if (postcode is null && !f.Errors.ContainsKey("venue.postcode"))
            {
                f.Fail("venue.postcode", f.Say("Event.VenuePostcode"));
            }
        }
        if (postcode is not null && !UkPostcode().IsMatch(postcode))
        {
            f.Fail("venue.postcode", f.Say("Event.Postcode"));
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
