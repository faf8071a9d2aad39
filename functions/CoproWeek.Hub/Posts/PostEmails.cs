using CoproWeek.Hub.Email;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// What a story's author is told, and when, in the language of the form or request they sent it with. Each email's id
/// is fixed by item and version, so a retry sends nothing twice.
/// </summary>
public static class PostEmails
{
    public static string ManageLabel(Language language = Language.English) => EmailWords.Get("Post.ManageLabel", language);

    /// <param name="body">The story's Markdown, for its first lines; null when it cannot be read.</param>
    public static Task<EmailMessage> ReceiptAsync(string id, int version, PostDetails details, string? body, string manageUrl, DateTimeOffset now,
        Language language = Language.English) =>
        Letters.ToEmailAsync($"post-{id}-v{version}-received", details.AuthorEmail, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Post.Receipt.Subject", language, Title(details, language)),
            Heading = EmailWords.Get("Post.Receipt.Heading", language),
            Greeting = EmailWords.Greeting(details.AuthorName, language),
            Opening = [EmailWords.Get("Post.Receipt.Opening", language)],
            Recap = Recap(details, body, language),
            Next = new Section(EmailWords.Get("Heading.WhatHappensNext", language), [EmailWords.Get("Promise.Story", language), EventEmails.WeWillEmail(language)]),
            Action = new LetterLink(ManageLabel(language), manageUrl, EventEmails.ManageNote(language)),
        }, now, "post-receipt");

    public static Task<EmailMessage> HeldAsync(Submission submission, PostDetails details, DateTimeOffset now)
    {
        var language = submission.ReplyLanguage;
        return Letters.ToEmailAsync($"post-{submission.Id}-v{submission.Version}-held", details.AuthorEmail, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Post.Held.Subject", language, Title(details, language)),
            Heading = EmailWords.Get("Post.Held.Heading", language),
            Greeting = EmailWords.Greeting(details.AuthorName, language),
            Opening = [EmailWords.Get("Post.Held.Opening", language, Title(details, language))],
            Next = new Section(EmailWords.Get("Heading.WhatYouCanDo", language), [
                EmailWords.Get("Held.NothingToDo", language),
                EventEmails.ManageFallback("post", language),
            ]),
        }, now, "post-held");
    }

    public static Task<EmailMessage> LiveAsync(Submission submission, PostDetails details, string pageUrl, string? manageUrl, DateTimeOffset now)
    {
        var language = submission.ReplyLanguage;
        return Letters.ToEmailAsync($"post-{submission.Id}-v{submission.Version}-live", details.AuthorEmail, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Post.Live.Subject", language, Title(details, language)),
            Heading = EmailWords.Get("Post.Live.Heading", language),
            Greeting = EmailWords.Greeting(details.AuthorName, language),
            Opening = [EmailWords.Get("Post.Live.Opening", language, Title(details, language))],
            Action = new LetterLink(EmailWords.Get("Post.Live.PageLink", language), pageUrl),
            Links = manageUrl is null ? [] : [new LetterLink(ManageLabel(language), manageUrl, EventEmails.ManageNote(language))],
            Closing = manageUrl is null ? [EventEmails.ManageFallback("post", language)] : [],
        }, now, "post-live");
    }

    /// <summary>The story as its author sent it: title, byline and its first lines as plain words.</summary>
    public static Recap Recap(PostDetails details, string? body, Language language = Language.English)
    {
        var rows = new List<RecapRow> { new(EmailWords.Get("Recap.By", language), details.AuthorName) };
        if (!string.IsNullOrWhiteSpace(details.Organisation))
        {
            rows.Add(new RecapRow(EmailWords.Get("Recap.Organisation", language), details.Organisation));
        }
        // The first lines are of the body the author wrote first (the English one of a bilingual story).
        return new Recap(EmailWords.Get("Heading.WhatYouSent", language), Title(details, language), rows, body is null ? null : StoryExcerpt.From(body, 300),
            ListingLanguage.Of(details.Language) switch
            {
                ListingLanguage.Welsh => Language.Welsh,
                ListingLanguage.Bilingual when language == Language.Welsh => null, // a Welsh title over the English body's first lines
                _ => Language.English,
            });
    }

    /// <summary>The story's title in the reader's language when it has one (a bilingual story's Welsh title).</summary>
    private static string Title(PostDetails details, Language language) =>
        language == Language.Welsh && ListingLanguage.Of(details.Language) == ListingLanguage.Bilingual && details.Welsh is { Title.Length: > 0 } welsh
            ? welsh.Title
            : details.Title;
}
