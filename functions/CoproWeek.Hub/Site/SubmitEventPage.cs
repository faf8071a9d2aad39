using System.Text;

namespace CoproWeek.Hub.Site;

/// <summary>
/// <c>submit-event/index.html</c>, and the same page shown again by the API when something needs fixing: the
/// error summary first, each message by its field, and everything typed kept.
/// </summary>
public static class SubmitEventPage
{
    public const string Heading = "Submit an event";

    /// <param name="values">What was posted, to show again; null for the empty form.</param>
    /// <param name="errors">Messages keyed by field name (see <see cref="EventFormFields"/>); null or empty when there are none.</param>
    public static string Render(SiteOptions options, EventFormValues? values = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var formErrors = EventForm.Errors(errors);
        var html = new StringBuilder(24 * 1024);
        formErrors.WriteSummary(html);
        html.Append("<h1>").Append(Heading).Append("</h1>\n")
            .Append("<p class=\"lede\">Tell us about your Co-production Week event and we will add it to the calendar.</p>\n")
            .Append("<p>").Text(Moderation.ModerationPromise.Event(options.EventsNeedAPerson)).Append(" We will email you when it is live.</p>\n")
            .Append("<p>It takes about 10 minutes. You will need the date, the place or how to join, and what access support there is.</p>\n");
        EventForm.Write(html, options.Api("events"), values ?? EventFormValues.Empty, formErrors, "Send your event");
        var title = formErrors.Any ? "Error: " + Heading : Heading;
        return SiteLayout.Render(options, title, html.ToString(), SiteSection.SubmitEvent, new PageHead
        {
            Description = "Add your event to the Co-production Week calendar.",
            Canonical = options.Url(SitePaths.SubmitEvent),
        });
    }
}
