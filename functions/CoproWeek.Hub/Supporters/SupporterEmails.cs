using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Supporters;

/// <summary>
/// What a supporting organisation's contact is told, and when, in the language of the form or request they used. Each
/// email's id is fixed by item and version, so a retry sends nothing twice.
/// </summary>
public static class SupporterEmails
{
    public static string ManageLabel(Language language = Language.English) => EmailWords.Get("Supporter.ManageLabel", language);

    public static string ManageNote(Language language = Language.English) => EmailWords.Get("Manage.Note", language);

    /// <summary>Every pledge is held for a person (see <c>ModerateSubmission</c>), whatever the hub's setting for events.</summary>
    public static string Promise(Language language = Language.English) => EmailWords.Get("Supporter.Promise", language);

    public static Task<EmailMessage> ReceiptAsync(string id, int version, SupporterDetails details, string manageUrl, DateTimeOffset now,
        Language language = Language.English) =>
        Letters.ToEmailAsync($"supporter-{id}-v{version}-received", details.ContactEmail, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Supporter.Receipt.Subject", language, details.Title),
            Heading = EmailWords.Get("Supporter.Receipt.Heading", language),
            Greeting = EmailWords.Greeting(null, language),
            Opening = [EmailWords.Get("Supporter.Receipt.Opening", language, details.Title)],
            Recap = Recap(details, language),
            Next = new Section(EmailWords.Get("Heading.WhatHappensNext", language), [Promise(language), EmailWords.Get("Supporter.Receipt.Next", language)]),
            Action = new LetterLink(ManageLabel(language), manageUrl, ManageNote(language)),
        }, now, "supporter-receipt");

    public static Task<EmailMessage> HeldAsync(Submission submission, SupporterDetails details, DateTimeOffset now)
    {
        var language = submission.ReplyLanguage;
        return Letters.ToEmailAsync($"supporter-{submission.Id}-v{submission.Version}-held", details.ContactEmail, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Supporter.Held.Subject", language, details.Title),
            Heading = EmailWords.Get("Supporter.Held.Heading", language),
            Greeting = EmailWords.Greeting(null, language),
            Opening = [EmailWords.Get("Supporter.Held.Opening", language, details.Title)],
            Next = new Section(EmailWords.Get("Heading.WhatYouCanDo", language), [
                EmailWords.Get("Supporter.Held.Next", language),
                ManageFallback(language),
            ]),
        }, now, "supporter-held");
    }

    /// <param name="manageUrl">The private link, when the approval passed it on; otherwise the email says where to find it.</param>
    public static Task<EmailMessage> LiveAsync(Submission submission, SupporterDetails details, string pageUrl, string? manageUrl, DateTimeOffset now)
    {
        var language = submission.ReplyLanguage;
        return Letters.ToEmailAsync($"supporter-{submission.Id}-v{submission.Version}-live", details.ContactEmail, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Supporter.Live.Subject", language, details.Title),
            Heading = EmailWords.Get("Supporter.Live.Heading", language),
            Greeting = EmailWords.Greeting(null, language),
            Opening = [EmailWords.Get("Supporter.Live.Opening", language, details.Title)],
            Action = new LetterLink(EmailWords.Get("Supporter.Live.PageLink", language), pageUrl),
            Links = manageUrl is null ? [] : [new LetterLink(ManageLabel(language), manageUrl, ManageNote(language))],
            Closing = manageUrl is null ? [ManageFallback(language)] : [],
        }, now, "supporter-live");
    }

    /// <summary>The pledge as the organisation sent it: its name, website and statement.</summary>
    public static Recap Recap(SupporterDetails details, Language language = Language.English)
    {
        var rows = new List<RecapRow>();
        if (!string.IsNullOrWhiteSpace(details.Website))
        {
            rows.Add(new RecapRow(EmailWords.Get("Recap.Website", language), WebsiteWords(details.Website)));
        }
        return new Recap(EmailWords.Get("Heading.WhatYouSent", language), details.Title, rows, string.IsNullOrWhiteSpace(details.Statement) ? null : details.Statement);
    }

    /// <summary>The website without its scheme ("www.example.org/about"): the email names it, it does not print a raw link.</summary>
    internal static string WebsiteWords(string website)
    {
        var words = website.Trim();
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (words.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                words = words[scheme.Length..];
                break;
            }
        }
        return words.TrimEnd('/');
    }

    internal static string ManageFallback(Language language) => EmailWords.Get("Supporter.ManageFallback", language);
}
