using System.Text.Json;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// What the author of an event or a post is told when a moderator rejects it or asks for changes, in the language they
/// sent it in. Reads the title
/// and the contact's name from the item's details JSON, which events and posts both keep. Each email's id is fixed
/// by item, version and decision, so a retried decision sends nothing twice.
/// </summary>
public static class DecisionEmails
{
    public static Task<EmailMessage> RejectedAsync(Submission submission, string reason, DateTimeOffset now)
    {
        var language = submission.ReplyLanguage;
        var (title, name) = Read(submission, language);
        var thing = EmailWords.Thing(submission.Kind, language);
        return Letters.ToEmailAsync($"{submission.Kind}-{submission.Id}-v{submission.Version}-rejected", submission.ContactEmail, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Decision.Rejected.Subject", language, thing, title),
            Heading = EmailWords.Get("Decision.Rejected.Heading", language, thing),
            Greeting = EmailWords.Greeting(name, language),
            Opening = [EmailWords.Get("Decision.Rejected.Opening", language, title)],
            Reason = new Quote(EmailWords.Get("Heading.WhatTeamSaid", language), reason),
            Next = new Section(EmailWords.Get("Heading.WhatYouCanDo", language), [EmailWords.Get("Decision.Rejected.Next", language, thing)]),
        }, now, $"{submission.Kind}-rejected");
    }

    public static Task<EmailMessage> ChangesRequestedAsync(Submission submission, string reason, DateTimeOffset now)
    {
        var language = submission.ReplyLanguage;
        var (title, name) = Read(submission, language);
        var thing = EmailWords.Thing(submission.Kind, language);
        return Letters.ToEmailAsync($"{submission.Kind}-{submission.Id}-v{submission.Version}-changes", submission.ContactEmail, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("Decision.Changes.Subject", language, thing, title),
            Heading = EmailWords.Get("Decision.Changes.Heading", language, thing),
            Greeting = EmailWords.Greeting(name, language),
            Opening = [EmailWords.Get("Decision.Changes.Opening", language, title)],
            Reason = new Quote(EmailWords.Get("Heading.WhatTeamSaid", language), reason),
            Next = new Section(EmailWords.Get("Heading.WhatYouCanDo", language), [EmailWords.Get("Decision.Changes.Next", language, thing)]),
        }, now, $"{submission.Kind}-changes");
    }

    /// <summary>The item's title (a bilingual one's Welsh title for a Welsh reader) and its contact's name.</summary>
    internal static (string Title, string? Name) Read(Submission submission, Language language)
    {
        var title = ModerationQueue.TitleOf(submission);
        try
        {
            using var document = JsonDocument.Parse(submission.DetailsJson);
            var root = document.RootElement;
            // Events keep the organiser's contact under "contact"; stories keep the author's display name.
            var name = root.TryGetProperty("contact", out var contact) && contact.ValueKind == JsonValueKind.Object
                && contact.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
                : root.TryGetProperty("authorName", out var author) && author.ValueKind == JsonValueKind.String ? author.GetString() : null;
            // A bilingual listing keeps its Welsh words under "welsh".
            if (language == Language.Welsh && root.TryGetProperty("language", out var listing) && listing.ValueKind == JsonValueKind.String
                && listing.GetString() == ListingLanguage.Bilingual && root.TryGetProperty("welsh", out var welsh) && welsh.ValueKind == JsonValueKind.Object
                && welsh.TryGetProperty("title", out var welshTitle) && welshTitle.ValueKind == JsonValueKind.String && welshTitle.GetString() is { Length: > 0 } cy)
            {
                title = cy;
            }
            return (title, name);
        }
        catch (JsonException)
        {
            return (title, null);
        }
    }
}
