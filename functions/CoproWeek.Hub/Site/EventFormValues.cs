using CoproWeek.Hub.Events;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Hub.Site;

/// <summary>
/// What the event form shows in its fields: either what someone just posted (kept exactly as typed, so a mistake is
/// shown back to be fixed) or an existing event's details (on the organiser's private manage page).
/// Keys are the form's field names, e.g. <c>organiser.name</c>; a repeated name (topics) holds several values.
/// </summary>
public sealed class EventFormValues
{
    private readonly Dictionary<string, string[]> values;

    private EventFormValues(Dictionary<string, string[]> values) => this.values = values;

    public static EventFormValues Empty { get; } = new(new Dictionary<string, string[]>(StringComparer.Ordinal));

    /// <summary>From a posted form: pass the request's <c>IFormCollection</c>.</summary>
    public static EventFormValues From(IEnumerable<KeyValuePair<string, StringValues>> form) =>
        new(form.ToDictionary(p => p.Key, p => p.Value.Where(v => v is not null).Select(v => v!).ToArray(), StringComparer.Ordinal));

    /// <summary>From an event's details, including its private contact: only for the organiser's own manage page.</summary>
    public static EventFormValues From(EventDetails e)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Set(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                map[name] = [value];
            }
        }
        void Check(string name, bool on) => Set(name, on ? "true" : null);

        Set(EventFormFields.Title, e.Title);
        Set(EventFormFields.Summary, e.Summary);
        Set(EventFormFields.Description, e.Description);
        Set(EventFormFields.EasyRead, e.EasyRead);
        Set(Forms.ListingLanguageFields.Language, ListingLanguage.Of(e.Language));
        Set(Forms.ListingLanguageFields.WelshTitle, e.Welsh?.Title);
        Set(Forms.ListingLanguageFields.WelshSummary, e.Welsh?.Summary);
        Set(Forms.ListingLanguageFields.WelshDescription, e.Welsh?.Description);
        Set(Forms.ListingLanguageFields.WelshEasyRead, e.Welsh?.EasyRead);
        Set(EventFormFields.OrganiserName, e.Organiser.Name);
        Set(EventFormFields.OrganiserWebsite, e.Organiser.Website);
        Set(EventFormFields.ContactName, e.Contact.Name);
        Set(EventFormFields.ContactEmail, e.Contact.Email);
        Set(EventFormFields.Start, e.Start == default ? null : UkTime.LocalInput(e.Start));
        Set(EventFormFields.End, e.End == default ? null : UkTime.LocalInput(e.End));
        Set(EventFormFields.Format, e.Format);
        Set(EventFormFields.VenueName, e.Venue?.Name);
        Set(EventFormFields.VenueAddress, e.Venue?.Address);
        Set(EventFormFields.VenuePostcode, e.Venue?.Postcode);
        Set(EventFormFields.OnlineJoiningInfo, e.Online?.JoiningInfo);
        Set(EventFormFields.Region, e.Region);
        if (e.Topics.Count > 0)
        {
            map[EventFormFields.Topics] = e.Topics.ToArray();
        }
        Set(EventFormFields.Cost, e.Cost);
        Set(EventFormFields.BookingUrl, e.BookingUrl);
        Set(EventFormFields.LivedExperienceInvolvement, e.Coproduction.LivedExperienceInvolvement);
        Check(EventFormFields.ParticipantsPaid, e.Coproduction.ParticipantsPaid);
        Check(EventFormFields.ExpensesCovered, e.Coproduction.ExpensesCovered);
        foreach (var need in e.Access.Needs())
        {
            Check(EventFormFields.AccessNeed(need), true);
        }
        Set(EventFormFields.AccessNotes, e.Access.Notes);
        Set(EventFormFields.Language, ListingLanguage.Of(e.Language));
        Set(EventFormFields.WelshTitle, e.Welsh?.Title);
        Set(EventFormFields.WelshSummary, e.Welsh?.Summary);
        Set(EventFormFields.WelshDescription, e.Welsh?.Description);
        Set(EventFormFields.WelshEasyRead, e.Welsh?.EasyRead);
        return new EventFormValues(map);
    }

    /// <summary>The first value posted under <paramref name="name"/>, or "".</summary>
    public string Get(string name) => values.TryGetValue(name, out var found) && found.Length > 0 ? found[0] : "";

    public IReadOnlyList<string> GetAll(string name) => values.TryGetValue(name, out var found) ? found : [];

    public bool IsChosen(string name, string value) => GetAll(name).Contains(value, StringComparer.Ordinal);
}
