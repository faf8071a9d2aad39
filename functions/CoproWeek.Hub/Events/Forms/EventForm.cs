using CoproWeek.Hub.Site;
using CoproWeek.Hub.Site.Forms;

namespace CoproWeek.Hub.Events.Forms;

/// <summary>
/// The event form's fields in order, used empty on <c>submit-event/</c>, shown again by the API with what was typed and
/// what to fix, and pre-filled on the organiser's manage page. It posts url-encoded fields named as in
/// <see cref="EventFormFields"/> and <see cref="ListingLanguageFields"/>, with no JavaScript.
/// </summary>
public static class EventForm
{
    /// <summary>Every field, top to bottom: the error summary lists problems in this order.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        EventFormFields.Title, EventFormFields.Summary, EventFormFields.EasyRead, EventFormFields.Description,
        ListingLanguageFields.Language, ListingLanguageFields.WelshTitle, ListingLanguageFields.WelshSummary,
        ListingLanguageFields.WelshEasyRead, ListingLanguageFields.WelshDescription,
        EventFormFields.Start, EventFormFields.End, EventFormFields.Format,
        EventFormFields.VenueName, EventFormFields.VenueAddress, EventFormFields.VenuePostcode, EventFormFields.OnlineJoiningInfo,
        EventFormFields.Region, EventFormFields.Topics, EventFormFields.Cost, EventFormFields.BookingUrl,
        EventFormFields.LivedExperienceInvolvement, EventFormFields.ParticipantsPaid, EventFormFields.ExpensesCovered,
        .. Vocabulary.AccessNeeds.Select(n => EventFormFields.AccessNeed(n.Id)), EventFormFields.AccessNotes,
        EventFormFields.OrganiserName, EventFormFields.OrganiserWebsite, EventFormFields.ContactName, EventFormFields.ContactEmail,
    ];

    internal static FormErrors Errors(IReadOnlyDictionary<string, string[]>? errors, IEnumerable<string>? more = null) =>
        new(errors, more is null ? Fields : [.. Fields, .. more]);

    internal static FormState State(EventFormValues? values, FormErrors errors) =>
        new(values ?? EventFormValues.Empty, errors, EventFormFields.Required);

    /// <summary>The form as HTML, for pages still written in C# (the manage page).</summary>
    internal static string Html(string action, Language language, FormState state, string submitLabel) =>
        Rendering.ComponentRenderer.Shared.Render<EventFields>(new Dictionary<string, object?>
        {
            [nameof(EventFields.Action)] = action, [nameof(EventFields.Language)] = language,
            [nameof(EventFields.State)] = state, [nameof(EventFields.SubmitLabel)] = submitLabel,
        }, language);
}
