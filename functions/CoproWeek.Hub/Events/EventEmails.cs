using CoproWeek.Hub.Email;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Events;

/// <summary>
/// What an organiser is told, and when, in the language of the form or request they sent the event with. Each email's
/// id is fixed by item and version, so a retry sends nothing twice.
/// </summary>
public static class EventEmails
{
    public static string ManageLabel(Language language = Language.English) => EmailWords.Get("Event.ManageLabel", language);

    public static string ManageNote(Language language = Language.English) => EmailWords.Get("Manage.Note", language);

    public static Task<EmailMessage> ReceiptAsync(string id, EventDetails details, string manageUrl, DateTimeOffset now, bool eventsNeedAPerson = false,
        Language language = Language.English)
    {
        var text = details.TextFor(language);
        return Letters.ToEmailAsync($"event-{id}-received", details.Contact.Email, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Event.Receipt.Subject", language, text.Title),
            Heading = EmailWords.Get("Event.Receipt.Heading", language),
            Greeting = EmailWords.Greeting(details.Contact.Name, language),
            Opening = [EmailWords.Get("Event.Receipt.Opening", language)],
            Recap = Recap(details, language),
            Next = new Section(EmailWords.Get("Heading.WhatHappensNext", language),
                [EmailWords.Get(eventsNeedAPerson ? "Promise.Event.Person" : "Promise.Event.Checks", language), WeWillEmail(language)]),
            Action = new LetterLink(ManageLabel(language), manageUrl, ManageNote(language)),
        }, now, "event-receipt");
    }

    public static Task<EmailMessage> LiveAsync(Submission submission, EventDetails details, string pageUrl, string? manageUrl, DateTimeOffset now)
    {
        var language = submission.ReplyLanguage;
        var title = details.TextFor(language).Title;
        return Letters.ToEmailAsync($"event-{submission.Id}-v{submission.Version}-live", details.Contact.Email, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Event.Live.Subject", language, title),
            Heading = EmailWords.Get("Event.Live.Heading", language),
            Greeting = EmailWords.Greeting(details.Contact.Name, language),
            Opening = [EmailWords.Get("Event.Live.Opening", language, title)],
            Recap = Recap(details, language) with { Heading = EmailWords.Get("Event.Live.RecapHeading", language) },
            Action = new LetterLink(EmailWords.Get("Event.Live.PageLink", language), pageUrl),
            Links = manageUrl is null ? [] : [new LetterLink(ManageLabel(language), manageUrl, ManageNote(language))],
            Closing = manageUrl is null ? [ManageFallback("event", language)] : [],
        }, now, "event-live");
    }

    public static Task<EmailMessage> HeldAsync(Submission submission, EventDetails details, DateTimeOffset now)
    {
        var language = submission.ReplyLanguage;
        var title = details.TextFor(language).Title;
        return Letters.ToEmailAsync($"event-{submission.Id}-v{submission.Version}-held", details.Contact.Email, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Event.Held.Subject", language, title),
            Heading = EmailWords.Get("Event.Held.Heading", language),
            Greeting = EmailWords.Greeting(details.Contact.Name, language),
            Opening = [EmailWords.Get("Event.Held.Opening", language, title)],
            Reason = submission.Findings.Count == 0 ? null : new Quote(EmailWords.Get("Event.Held.Why", language), Findings(submission), Language.English),
            Next = new Section(EmailWords.Get("Heading.WhatYouCanDo", language), [
                EmailWords.Get("Held.NothingToDo", language),
                ManageFallback("event", language),
            ]),
        }, now, "event-held");
    }

    public static Task<EmailMessage> RejectedAsync(Submission submission, EventDetails details, string? reason, DateTimeOffset now)
    {
        var language = submission.ReplyLanguage;
        var title = details.TextFor(language).Title;
        return Letters.ToEmailAsync($"event-{submission.Id}-v{submission.Version}-rejected", details.Contact.Email, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Event.Rejected.Subject", language, title),
            Heading = EmailWords.Get("Event.Rejected.Heading", language),
            Greeting = EmailWords.Greeting(details.Contact.Name, language),
            Opening = [EmailWords.Get("Event.Rejected.Opening", language, title)],
            // A moderator's reason is in whatever language they wrote it; the checks' findings are in English.
            Reason = reason is not null
                ? new Quote(EmailWords.Get("Event.Rejected.Why", language), reason)
                : new Quote(EmailWords.Get("Event.Rejected.Why", language), Findings(submission), Language.English),
            Next = new Section(EmailWords.Get("Heading.WhatYouCanDo", language), [EmailWords.Get("Event.Rejected.Next", language)]),
        }, now, "event-rejected");
    }

    /// <summary>The event as its organiser sent it: title, when, where and who runs it, in the reader's language where it has one.</summary>
    public static Recap Recap(EventDetails details, Language language = Language.English)
    {
        var text = details.TextFor(language);
        var rows = new List<RecapRow> { new(EmailWords.Get("Recap.When", language), UkTime.Range(details.Start, details.End, language)) };
        if (Where(details, language) is { Length: > 0 } where)
        {
            rows.Add(new RecapRow(EmailWords.Get("Recap.Where", language), where));
        }
        if (details.Region.Length > 0)
        {
            rows.Add(new RecapRow(EmailWords.Get("Recap.Region", language), Vocabulary.NameOf(Vocabulary.Regions, details.Region, language)));
        }
        if (details.Organiser.Name.Length > 0)
        {
            rows.Add(new RecapRow(EmailWords.Get("Recap.RunBy", language), details.Organiser.Name));
        }
        return new Recap(EmailWords.Get("Heading.WhatYouSent", language), text.Title, rows, text.Summary.Length > 0 ? text.Summary : null, text.Language);
    }

    /// <summary>The venue, "Online", or both, in the reader's language (the venue's own words as written).</summary>
    internal static string Where(EventDetails details, Language language)
    {
        var venue = EventWords.VenueLine(details);
        return (venue.Length > 0, EventWords.IsOnline(details)) switch
        {
            (true, true) => EmailWords.Get("Place.AndOnline", language, venue),
            (true, false) => venue,
            (false, true) => EmailWords.Get("Place.Online", language),
            _ => "",
        };
    }

    private static string Findings(Submission submission) => string.Join(" ", submission.Findings.Select(f => f.Message));

    internal static string WeWillEmail(Language language) => EmailWords.Get("WeWillEmail", language);

    internal static string ManageFallback(string thing, Language language) => EmailWords.Get("ManageFallback." + thing, language);
}
