namespace CoproWeek.Hub.Site;

/// <summary>
/// The event form's field names: the JSON body's property paths flattened with dots. Validation errors use the same
/// names as keys, so the form can put each message next to its field.
/// </summary>
public static class EventFormFields
{
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Description = "description";
    public const string EasyRead = "easyRead";
    public const string OrganiserName = "organiser.name";
    public const string OrganiserWebsite = "organiser.website";
    public const string ContactName = "contact.name";
    public const string ContactEmail = "contact.email";
    /// <summary>A <c>datetime-local</c> value such as <c>2027-07-05T10:00</c>, with no offset: UK time.</summary>
    public const string Start = "start";
    public const string End = "end";
    public const string Format = "format";
    public const string VenueName = "venue.name";
    public const string VenueAddress = "venue.address";
    public const string VenuePostcode = "venue.postcode";
    public const string OnlineJoiningInfo = "online.joiningInfo";
    public const string Region = "region";
    /// <summary>Repeated, once per topic id chosen.</summary>
    public const string Topics = "topics";
    public const string Cost = "cost";
    public const string BookingUrl = "bookingUrl";
    public const string LivedExperienceInvolvement = "coproduction.livedExperienceInvolvement";
    /// <summary>A checkbox: "true" when ticked, absent when not.</summary>
    public const string ParticipantsPaid = "coproduction.participantsPaid";
    public const string ExpensesCovered = "coproduction.expensesCovered";
    public const string AccessNotes = "access.notes";
    /// <summary><c>en</c>, <c>cy</c> or <c>bilingual</c>: the language the listing is written in.</summary>
    public const string Language = Http.LanguageFields.Language;
    /// <summary>A bilingual listing's Welsh words.</summary>
    public const string WelshTitle = Events.EventValidator.WelshFields.Title;
    public const string WelshSummary = Events.EventValidator.WelshFields.Summary;
    public const string WelshDescription = Events.EventValidator.WelshFields.Description;
    public const string WelshEasyRead = Events.EventValidator.WelshFields.EasyRead;
    /// <summary>The spam trap: people never see it, so anything in it came from a robot.</summary>
    public const string Honeypot = "website";
    /// <summary>The withdraw form's "I am sure" checkbox.</summary>
    public const string ConfirmWithdraw = "confirm";

    /// <summary><c>access.stepFree</c>, <c>access.bsl</c>, ...: one checkbox per need in <see cref="Vocabulary.AccessNeeds"/>.</summary>
    public static string AccessNeed(string needId) => "access." + needId;

    /// <summary>Fields the form marks as required; the API's validation should ask for the same.</summary>
    public static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal)
    {
        Title, Summary, Description, OrganiserName, ContactName, ContactEmail, Start, End, Format, Region,
    };

    /// <summary>The id of a field's input (the target of the error summary's link): <c>field-organiser-name</c>.</summary>
    public static string Id(string name) => Forms.FieldIds.Of(name);
}
