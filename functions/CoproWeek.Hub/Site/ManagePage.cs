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
    /// <param name="translation">The page in both languages, for the language link.</param>
    public static string Render(SiteOptions options, EventDetails details, ManageStatus status, IReadOnlyList<string> reasons,
        string editAction, string withdrawAction, EventFormValues? values = null, IReadOnlyDictionary<string, string[]>? errors = null,
        string? eventUrl = null, long? accessRequests = null, Language language = Language.English, PageTranslation? translation = null)
    {
        var formErrors = new FormErrors(errors, [.. EventForm.Fields, EventFormFields.ConfirmWithdraw]);
        var html = new StringBuilder(24 * 1024);
        var title = details.TextFor(language).Title;
        formErrors.WriteSummary(html);
        html.Append("<h1>").Text(Words("Event.Heading", language, title)).Append("</h1>\n")
            .Append("<p>").Text(Words("Private", language, Words("Event.WhoCan", language))).Append("</p>\n")
            .Append("<div class=\"notice\">\n<h2>").Text(Words("WhatIsHappening", language)).Append("</h2>\n<p>")
            .Text(status == ManageStatus.Received ? Words(options.EventsNeedAPerson ? "Event.Waiting.Person" : "Event.Waiting.Auto", language) : StatusWords(status, language)).Append("</p>\n");
        if (status == ManageStatus.Live && Html.SafeUrl(eventUrl) is { } live)
        {
            html.Append("<p><a href=\"").Text(live).Append("\">").Text(Words("Event.Live", language)).Append("</a></p>\n");
        }
        if (accessRequests is { } requests)
        {
            html.Append("<p>").Text(requests switch
            {
                0 => Words("Event.Access.None", language),
                1 => Words("Event.Access.One", language),
                _ => Words("Event.Access.Many", language, requests.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
            }).Append("</p>\n");
        }
        if (reasons.Count > 0)
        {
            html.Append("<h3>").Text(Words("TeamSaid", language)).Append("</h3>\n<ul>\n");
            foreach (var reason in reasons)
            {
                html.Append("<li>").Text(reason).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("</div>\n");

        if (status == ManageStatus.Withdrawn)
        {
            Submissions.ManageLinkPage.WriteLinkLine(html, Words("Event.Gone", language), options.Url(language.Localise(SitePaths.SubmitEvent)), Words("Event.GoneLink", language));
            return Layout(options, title, formErrors, html, language, translation);
        }

        html.Append("<h2>").Text(Words("Event.ChangeHeading", language)).Append("</h2>\n")
            .Append("<p>").Text(Words("Event.ChangeIntro", language)).Append(' ')
            .Text(Words(options.EventsNeedAPerson ? "Event.Change.Person" : "Event.Change.Auto", language)).Append("</p>\n");
        html.Append(EventForm.Html(editAction, language, EventForm.State(values ?? EventFormValues.From(details), formErrors), Words("Event.Send", language)));

        if (status != ManageStatus.Rejected)
        {
            WriteWithdraw(html, withdrawAction, formErrors, language);
        }
        return Layout(options, title, formErrors, html, language, translation);
    }

    /// <summary>The status in plain words, as the page and the organiser's emails say it.</summary>
    public static string StatusWords(ManageStatus status, Language language = Language.English) =>
        Words("Event.Status." + (status is ManageStatus.Received or ManageStatus.AwaitingConfirmation or ManageStatus.Live or ManageStatus.HeldForReview
            or ManageStatus.ChangesRequested or ManageStatus.Rejected or ManageStatus.Withdrawn ? status : ManageStatus.Received), language);

    private static string Words(string key, Language language, params object?[] args) => Submissions.ManageLinkPage.Words(key, language, args);

    private static void WriteWithdraw(StringBuilder html, string action, FormErrors errors, Language language) =>
        Submissions.ManageLinkPage.WriteWithdrawForm(html, new Submissions.WithdrawWording(Words("Event.Withdraw.Heading", language),
                Words("Event.Withdraw.Explanation", language), Words("Event.Withdraw.Confirm", language), Words("Event.Withdraw.Button", language)),
            action, EventFormFields.ConfirmWithdraw,
            errors.Has(EventFormFields.ConfirmWithdraw) ? string.Join(" ", errors.For(EventFormFields.ConfirmWithdraw)) : null, language);

    private static string Layout(SiteOptions options, string title, FormErrors errors, StringBuilder html, Language language, PageTranslation? translation) =>
        SiteLayout.Render(options, (errors.Any ? Words("ErrorPrefix", language) : "") + Words("Event.Heading", language, title), html.ToString(), SiteSection.None,
            new PageHead { Private = true, Translation = translation }, language);
}
