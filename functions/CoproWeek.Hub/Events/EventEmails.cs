using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Events;

/// <summary>What an organiser is told, and when. Each email's id is fixed by item and version, so a retry sends nothing twice.</summary>
public static class EventEmails
{
    public static EmailMessage Receipt(string id, EventDetails details, string manageUrl, DateTimeOffset now, bool eventsNeedAPerson = false) =>
        EmailTemplate.Build($"event-{id}-received", details.Contact.Email, $"We have your event: {details.Title}",
        [
            $"Hello {details.Contact.Name},",
            $"Thank you for listing \"{details.Title}\" for Co-production Week. {Moderation.ModerationPromise.Event(eventsNeedAPerson)} We will email you when it is live.",
            "Keep this email. The button below is your private link to see your listing, change it or take it down. Do not share it.",
        ], new EmailTemplate.Link("See or change your event", manageUrl), now, category: "event-receipt");

    public static EmailMessage Live(Submission submission, EventDetails details, string pageUrl, DateTimeOffset now) =>
        EmailTemplate.Build($"event-{submission.Id}-v{submission.Version}-live", details.Contact.Email, $"Your event is live: {details.Title}",
        [
            $"Hello {details.Contact.Name},",
            $"\"{details.Title}\" is now on the Co-production Week calendar. Share the link with the people you would like to come.",
        ], new EmailTemplate.Link("See your event", pageUrl), now, category: "event-live");

    public static EmailMessage Held(Submission submission, EventDetails details, DateTimeOffset now) =>
        EmailTemplate.Build($"event-{submission.Id}-v{submission.Version}-held", details.Contact.Email, $"A person will check your event: {details.Title}",
        [
            $"Hello {details.Contact.Name},",
            $"\"{details.Title}\" needs a person from the campaign team to look at it before it goes live. This usually takes one working day.",
            "This is why: " + string.Join(" ", submission.Findings.Select(f => f.Message)),
            "You do not need to do anything. If you want to change your event, use the link in your first email.",
        ], null, now, category: "event-held");

    public static EmailMessage Rejected(Submission submission, EventDetails details, string? reason, DateTimeOffset now) =>
        EmailTemplate.Build($"event-{submission.Id}-v{submission.Version}-rejected", details.Contact.Email, $"Your event was not listed: {details.Title}",
        [
            $"Hello {details.Contact.Name},",
            $"We could not put \"{details.Title}\" on the Co-production Week calendar.",
            "This is why: " + (reason ?? string.Join(" ", submission.Findings.Select(f => f.Message))),
            "If something has changed, you are welcome to list the event again.",
        ], null, now, category: "event-rejected");
}
