using System.Text;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Events.Forms;

namespace CoproWeek.Hub.Site;

/// <summary>Where an event is in its journey, as its organiser sees it.</summary>
public enum ManageStatus
{
    Received,
    AwaitingConfirmation,
    Live,
    HeldForReview,
    ChangesRequested,
    Rejected,
    Withdrawn,
}

/// <summary>
/// The organiser's private page, reached from the link in their email: what is happening to their event and why,
/// the form to change it, and a way to take it down. It shows the contact details, so it is never published to
/// <c>$web</c>: the API renders it for the holder of the manage token.
/// </summary>
public static class ManagePage
{
    /// <param name="editAction">Where the edit form posts, e.g. <c>{Api}/api/events/{id}/manage?token=...</c>.</param>
    /// <param name="withdrawAction">Where the withdraw form posts.</param>
    /// <param name="reasons">The moderators' reasons, shown as written (encoded).</param>
    /// <param name="values">What was just posted, to show again with <paramref name="errors"/>; null shows the event as it is.</param>
    public static string Render(SiteOptions options, EventDetails details, ManageStatus status, IReadOnlyList<string> reasons,
        string editAction, string withdrawAction, EventFormValues? values = null, IReadOnlyDictionary<string, string[]>? errors = null,
        string? eventUrl = null, long? accessRequests = null)
    {
        var formErrors = new FormErrors(errors, [.. EventForm.Fields, EventFormFields.ConfirmWithdraw]);
        var html = new StringBuilder(24 * 1024);
        formErrors.WriteSummary(html);
        html.Append("<h1>Your event: ").Text(details.Title).Append("</h1>\n")
            .Append("<p>This page is private to you. Do not share the link: anyone with it can change your event.</p>\n")
            .Append("<div class=\"notice\">\n<h2>What is happening</h2>\n<p>").Text(status == ManageStatus.Received ? Moderation.ModerationPromise.EventWaiting(options.EventsNeedAPerson) : StatusWords(status)).Append("</p>\n");
        if (status == ManageStatus.Live && Html.SafeUrl(eventUrl) is { } live)
        {
            html.Append("<p><a href=\"").Text(live).Append("\">See your event on the website</a></p>\n");
        }
        if (accessRequests is { } requests)
        {
            html.Append("<p>").Text(AccessRequests.AccessRequestCounts.Words(requests)).Append("</p>\n");
        }
        if (reasons.Count > 0)
        {
            html.Append("<h3>What our team said</h3>\n<ul>\n");
            foreach (var reason in reasons)
            {
                html.Append("<li>").Text(reason).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("</div>\n");

        if (status == ManageStatus.Withdrawn)
        {
            html.Append("<p>You took this event down. If you want to run it again, <a href=\"").Text(options.Url(SitePaths.SubmitEvent))
                .Append("\">submit it as a new event</a>.</p>\n");
            return Layout(options, details, formErrors, html);
        }

        html.Append("<h2>Change your event</h2>\n")
            .Append("<p>Change what you need to, then send it. ").Text(Moderation.ModerationPromise.EventChange(options.EventsNeedAPerson)).Append("</p>\n");
        html.Append(EventForm.Html(editAction, Language.English, EventForm.State(values ?? EventFormValues.From(details), formErrors), "Send your changes"));

        if (status != ManageStatus.Rejected)
        {
            WriteWithdraw(html, withdrawAction, formErrors);
        }
        return Layout(options, details, formErrors, html);
    }

    /// <summary>The status in plain words, as the page and the organiser's emails say it.</summary>
    public static string StatusWords(ManageStatus status) => status switch
    {
        ManageStatus.Received => "We have your event. A person from our team will check it soon.",
        ManageStatus.AwaitingConfirmation => "We are waiting for you to confirm your email address. Open the email we sent you and press the button. Then our checks will look at your event.",
        ManageStatus.Live => "Your event is live on the website.",
        ManageStatus.HeldForReview => "Your event is held for a person from our team to check. We will email you when they have.",
        ManageStatus.ChangesRequested => "We need you to change something before your event can go on the website. See what our team said below.",
        ManageStatus.Rejected => "We cannot put this event on the website. See what our team said below.",
        ManageStatus.Withdrawn => "You have taken this event down. It is no longer on the website.",
        _ => "We have your event.",
    };

    private static void WriteWithdraw(StringBuilder html, string action, FormErrors errors) =>
        Submissions.ManageLinkPage.WriteWithdrawForm(html, Withdraw, action, EventFormFields.ConfirmWithdraw,
            errors.Has(EventFormFields.ConfirmWithdraw) ? string.Join(" ", errors.For(EventFormFields.ConfirmWithdraw)) : null);

    private static readonly Submissions.WithdrawWording Withdraw = new("Withdraw this event",
        "If your event is not going ahead, you can take it down. It will come off the website and calendars. You cannot undo this.",
        "I want to take this event down", "Withdraw this event");

    private static string Layout(SiteOptions options, EventDetails details, FormErrors errors, StringBuilder html) =>
        SiteLayout.Render(options, (errors.Any ? "Error: " : "") + "Your event: " + details.Title, html.ToString(), SiteSection.None,
            new PageHead { Private = true });
}
