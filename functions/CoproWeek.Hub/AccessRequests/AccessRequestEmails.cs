using CoproWeek.Hub.Email;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>
/// The emails an access request makes: the request itself to the organiser (replies go to the person), in the language
/// the organiser listed the event in, and the person's own copy, in the language of the form they used. Each is marked
/// sensitive, so no copy of it is kept on the way.
/// </summary>
public static class AccessRequestEmails
{
    public const string Category = "access-request";

    public static string EventLabel(Language language = Language.English) => EmailWords.Get("Access.EventLabel", language);

    /// <summary>To the event's contact: what the person needs and how to reach them.</summary>
    public static async Task<EmailMessage> ToOrganiserAsync(string requestId, EventDetails details, string organiserEmail, AccessRequest request, DateTimeOffset now,
        Language language = Language.English)
    {
        var rows = NeedWords(request, language).Select(n => new RecapRow(EmailWords.Get("Access.Organiser.TheyNeed", language), n)).ToList();
        rows.Add(new RecapRow(EmailWords.Get("Access.Organiser.HowToContact", language), EmailWords.Get("Access.ContactBy." + ContactKey(request), language)));
        if (request.Email is not null)
        {
            rows.Add(new RecapRow(EmailWords.Get("Access.Organiser.Email", language), request.Email));
        }
        if (request.Phone is not null)
        {
            rows.Add(new RecapRow(EmailWords.Get("Access.Organiser.Phone", language), request.Phone));
        }
        var title = details.TextFor(language).Title;
        var letter = new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Access.Organiser.Subject", language, title),
            Heading = EmailWords.Get("Access.Organiser.Heading", language),
            Greeting = EmailWords.Greeting(details.Contact.Name, language),
            Opening = [EmailWords.Get("Access.Organiser.Opening", language, title, UkTime.Range(details.Start, details.End, language))],
            Recap = new Recap(EmailWords.Get("Access.Organiser.RecapHeading", language), EmailWords.Get("Access.Organiser.From", language, request.Name), rows),
            Next = new Section(EmailWords.Get("Access.Organiser.Next", language),
            [
                EmailWords.Get(request.Email is null ? "Access.Organiser.ContactThem" : "Access.Organiser.Reply", language),
                request.Email is null
                    ? EmailWords.Get("Access.Organiser.NotChecked", language)
                    : EmailWords.Get("Access.Organiser.ReplyGoesTo", language, request.Email),
            ]),
            Closing = [EmailWords.Get("Access.Organiser.Closing", language)],
        };
        return await Letters.ToEmailAsync($"access-{requestId}-organiser", organiserEmail, letter, now, Category)
            with { ReplyTo = request.Email, Sensitive = true };
    }

    /// <summary>
    /// The person's copy, only to an address whose owner has confirmed it to the hub, at most one a day per mailbox.
    /// Confirmed only means the mailbox once confirmed with the hub, not that it is the sender's: so the copy repeats
    /// nothing the sender wrote (no name, no "something else" words), only the event and the access words from our
    /// own list they ticked.
    /// </summary>
    public static async Task<EmailMessage> CopyToPersonAsync(string requestId, EventDetails details, string email, string eventUrl, AccessRequest request, DateTimeOffset now,
        Language language = Language.English)
    {
        var text = details.TextFor(language);
        var letter = new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Access.Copy.Subject", language, text.Title),
            Heading = EmailWords.Get("Access.Copy.Heading", language),
            Greeting = EmailWords.Greeting(null, language),
            Opening = [EmailWords.Get("Access.Copy.Opening", language)],
            Recap = new Recap(EmailWords.Get("Access.Copy.RecapHeading", language), text.Title,
            [
                new RecapRow(EmailWords.Get("Recap.When", language), UkTime.Range(details.Start, details.End, language)),
                .. ChosenWords(request, language).Select(n => new RecapRow(EmailWords.Get("Access.Copy.YouAskedFor", language), n)),
            ], TextLanguage: text.Language),
            Next = new Section(EmailWords.Get("Heading.WhatHappensNext", language),
            [
                // The words the person chose on the form: the organiser's fuller instructions ("their number") are not for them.
                EmailWords.Get("Access.Copy.Next1", language, EmailWords.Get("Access.YouChose." + ContactKey(request), language)),
                EmailWords.Get("Access.Copy.Next2", language),
            ]),
            Action = new LetterLink(EventLabel(language), eventUrl),
            Closing = [EmailWords.Get("Access.Copy.Closing", language)],
            Footnote = EmailWords.Get("Access.Copy.Footnote", language),
        };
        return await Letters.ToEmailAsync($"access-{requestId}-copy", email, letter, now, Category) with { Sensitive = true };
    }

    /// <summary>The ticked needs in our own words; "something else" without what the person wrote.</summary>
    public static IEnumerable<string> ChosenWords(AccessRequest request, Language language = Language.English) =>
        request.Needs.Select(n => n == AccessRequestInput.Other ? EmailWords.Get("Access.Copy.Other", language) : Vocabulary.NameOf(Vocabulary.AccessNeeds, n, language));

    /// <summary>
    /// To an address the hub has not confirmed: fixed words that repeat nothing the sender wrote, so the form cannot
    /// be used to send a stranger someone else's words.
    /// </summary>
    public static async Task<EmailMessage> NoticeToPersonAsync(string requestId, EventDetails details, string email, string eventUrl, DateTimeOffset now,
        Language language = Language.English)
    {
        var letter = new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Access.Notice.Subject", language, details.TextFor(language).Title),
            Heading = EmailWords.Get("Access.Notice.Heading", language),
            Greeting = EmailWords.Greeting(null, language),
            Opening = [EmailWords.Get("Access.Notice.Opening", language, details.TextFor(language).Title)],
            Next = new Section(EmailWords.Get("Heading.WhatHappensNext", language), [EmailWords.Get("Access.Notice.Next", language)]),
            Action = new LetterLink(EventLabel(language), eventUrl),
            Closing = [EmailWords.Get("Access.Notice.Closing", language)],
            Footnote = EmailWords.Get("Access.Notice.Footnote", language),
        };
        return await Letters.ToEmailAsync($"access-{requestId}-notice", email, letter, now, Category) with { Sensitive = true };
    }

    /// <summary>Each need in the organiser's language, "something else" with what the person wrote.</summary>
    private static IEnumerable<string> NeedWords(AccessRequest request, Language language) =>
        request.Needs.Select(n => n == AccessRequestInput.Other
            ? EmailWords.Get("Access.Organiser.Other", language, request.OtherNeeds)
            : Vocabulary.NameOf(Vocabulary.AccessNeeds, n, language));

    private static string ContactKey(AccessRequest request) =>
        request.ContactBy is "email" or "phone" or "text-relay" ? request.ContactBy : "someone-else";
}
