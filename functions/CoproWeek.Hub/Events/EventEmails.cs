using CoproWeek.Hub.Email;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Events;

/// <summary>What an organiser is told, and when. Each email's id is fixed by item and version, so a retry sends nothing twice.</summary>
public static class EventEmails
{
    public const string ManageLabel = "See, change or take down your event";
    public const string ManageNote = "This is your private link. Keep this email and do not share the link.";

    public static Task<EmailMessage> ReceiptAsync(string id, EventDetails details, string manageUrl, DateTimeOffset now, bool eventsNeedAPerson = false) =>
        Letters.ToEmailAsync($"event-{id}-received", details.Contact.Email, new Letter
        {
            Subject = $"We have your event: {details.Title}",
            Heading = "We have your event",
            Greeting = Greeting(details),
            Opening = ["Thank you for listing your event for Co-production Week. This is what you sent us."],
            Recap = Recap(details),
            Next = new Section("What happens next", [Moderation.ModerationPromise.Event(eventsNeedAPerson), WeWillEmail]),
            Action = new LetterLink(ManageLabel, manageUrl, ManageNote),
        }, now, "event-receipt");

    public static Task<EmailMessage> LiveAsync(Submission submission, EventDetails details, string pageUrl, string? manageUrl, DateTimeOffset now) =>
        Letters.ToEmailAsync($"event-{submission.Id}-v{submission.Version}-live", details.Contact.Email, new Letter
        {
            Subject = $"Your event is live: {details.Title}",
            Heading = "Your event is live",
            Greeting = Greeting(details),
            Opening = [$"\"{details.Title}\" is now on the Co-production Week calendar. Share its page with the people you would like to come."],
            Recap = Recap(details) with { Heading = "On the calendar" },
            Action = new LetterLink("See your event's page", pageUrl),
            Links = manageUrl is null ? [] : [new LetterLink(ManageLabel, manageUrl, ManageNote)],
            Closing = manageUrl is null ? [ManageFallback("event")] : [],
        }, now, "event-live");

    public static Task<EmailMessage> HeldAsync(Submission submission, EventDetails details, DateTimeOffset now) =>
        Letters.ToEmailAsync($"event-{submission.Id}-v{submission.Version}-held", details.Contact.Email, new Letter
        {
            Subject = $"A person will check your event: {details.Title}",
            Heading = "A person will check your event",
            Greeting = Greeting(details),
            Opening = [$"\"{details.Title}\" needs a person from the campaign team to look at it before it goes on the calendar. This usually takes one working day."],
            Reason = submission.Findings.Count == 0 ? null : new Quote("Why it needs a person", string.Join(" ", submission.Findings.Select(f => f.Message))),
            Next = new Section("What you can do", [
                "You do not need to do anything. We will email you when it is live, or if we need you to change something.",
                ManageFallback("event"),
            ]),
        }, now, "event-held");

    public static Task<EmailMessage> RejectedAsync(Submission submission, EventDetails details, string? reason, DateTimeOffset now) =>
        Letters.ToEmailAsync($"event-{submission.Id}-v{submission.Version}-rejected", details.Contact.Email, new Letter
        {
            Subject = $"Your event was not listed: {details.Title}",
            Heading = "Your event was not listed",
            Greeting = Greeting(details),
            Opening = [$"We could not put \"{details.Title}\" on the Co-production Week calendar."],
            Reason = new Quote("Why", reason ?? string.Join(" ", submission.Findings.Select(f => f.Message))),
            Next = new Section("What you can do", [
                "If you can fix what is described above, you are welcome to list the event again.",
            ]),
        }, now, "event-rejected");

    /// <summary>The event as its organiser sent it: title, when, where and who runs it.</summary>
    public static Recap Recap(EventDetails details)
    {
        var rows = new List<RecapRow> { new("When", UkTime.Range(details.Start, details.End)) };
        if (EventWords.Location(details) is { Length: > 0 } where)
        {
            rows.Add(new RecapRow("Where", where));
        }
        if (details.Region.Length > 0)
        {
            rows.Add(new RecapRow("Region", EventWords.Region(details)));
        }
        if (details.Organiser.Name.Length > 0)
        {
            rows.Add(new RecapRow("Run by", details.Organiser.Name));
        }
        return new Recap("What you sent", details.Title, rows, details.Summary.Length > 0 ? details.Summary : null);
    }

    private static string? Greeting(EventDetails details) =>
        string.IsNullOrWhiteSpace(details.Contact.Name) ? "Hello," : $"Hello {details.Contact.Name},";

    internal const string WeWillEmail = "We will email you when it is live, or if we need you to change something.";

    internal static string ManageFallback(string thing) =>
        $"To change or take down your {thing}, use the private link in the first email we sent you about it.";
}
