using System.Text.Json;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// What the author of an event or a post is told when a moderator rejects it or asks for changes. Reads the title
/// and the contact's name from the item's details JSON, which events and posts both keep. Each email's id is fixed
/// by item, version and decision, so a retried decision sends nothing twice.
/// </summary>
public static class DecisionEmails
{
    public static EmailMessage Rejected(Submission submission, string reason, DateTimeOffset now)
    {
        var (title, name) = Read(submission);
        var thing = Thing(submission);
        return EmailTemplate.Build($"{submission.Kind}-{submission.Id}-v{submission.Version}-rejected", submission.ContactEmail,
            $"Your {thing} was not published: {title}",
        [
            Greeting(name),
            $"The campaign team read \"{title}\" and could not publish it for Co-production Week.",
            "This is what they said: " + reason,
            $"If something has changed, you are welcome to send your {thing} again.",
        ], null, now, category: $"{submission.Kind}-rejected");
    }

    public static EmailMessage ChangesRequested(Submission submission, string reason, DateTimeOffset now)
    {
        var (title, name) = Read(submission);
        var thing = Thing(submission);
        return EmailTemplate.Build($"{submission.Kind}-{submission.Id}-v{submission.Version}-changes", submission.ContactEmail,
            $"Please change your {thing}: {title}",
        [
            Greeting(name),
            $"Before \"{title}\" is published, the campaign team asks you to change something.",
            "This is what they said: " + reason,
            $"Use the private link in your first email to change your {thing}. We will look at it again when you send it.",
        ], null, now, category: $"{submission.Kind}-changes");
    }

    internal static string Thing(Submission submission) => submission.Kind switch
    {
        "post" => "story",
        Supporters.SubmitSupporter.Kind => "pledge of support",
        _ => submission.Kind,
    };

    internal static string Greeting(string? name) => string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},";

    internal static (string Title, string? Name) Read(Submission submission)
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
            return (title, name);
        }
        catch (JsonException)
        {
            return (title, null);
        }
    }
}
