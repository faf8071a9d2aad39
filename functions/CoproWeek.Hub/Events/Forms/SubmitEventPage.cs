using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Events.Forms;

/// <summary>
/// <c>submit-event/index.html</c> (and <c>cy/submit-event/</c>), and the same page shown again by the API when something
/// needs fixing: the error summary first, each message by its field, and everything typed kept.
/// </summary>
public static class SubmitEventPage
{
    /// <param name="values">What was posted, to show again; null for the empty form.</param>
    /// <param name="errors">Messages keyed by field name (see <see cref="EventFormFields"/>); null or empty when there are none.</param>
    public static string Render(SiteOptions options, EventFormValues? values = null, IReadOnlyDictionary<string, string[]>? errors = null,
        Language language = Language.English) =>
        ComponentRenderer.Shared.Render<SubmitEventView>(new Dictionary<string, object?>
        {
            [nameof(SubmitEventView.Options)] = options,
            [nameof(SubmitEventView.Language)] = language,
            [nameof(SubmitEventView.State)] = EventForm.State(values, EventForm.Errors(errors)),
        }, language);

    /// <summary><c>submit-event/thanks/</c> in the given language.</summary>
    public static string Thanks(SiteOptions options, Language language = Language.English) =>
        ComponentRenderer.Shared.Render<SubmitEventThanksView>(new Dictionary<string, object?>
        {
            [nameof(SubmitEventThanksView.Options)] = options,
            [nameof(SubmitEventThanksView.Language)] = language,
        }, language);
}
