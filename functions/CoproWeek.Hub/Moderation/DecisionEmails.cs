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
    public static Task<EmailMessage> RejectedAsync(Submission submission, string reason, DateTimeOffset now)
    {
        var (title, name) = Read(submission);
        var thing = Thing(submission);
        return Letters.ToEmailAsync($"{submission.Kind}-{submission.Id}-v{submission.Version}-rejected", submission.ContactEmail, new Letter
        {
            Subject = $"Your {thing} was not published: {title}",
            Heading = $"Your {thing} was not published",
            Greeting = Greeting(name),
            Opening = [$"The campaign team read \"{title}\" and could not publish it for Co-production Week."],
            Reason = new Quote("What the campaign team said", reason),
            Next = new Section("What you can do", [
                $"If you can change what they describe, you are welcome to send your {thing} again.",
            ]),
        }, now, $"{submission.Kind}-rejected");
    }

    public static Task<EmailMessage> ChangesRequestedAsync(Submission submission, string reason, DateTimeOffset now)
    {
        var (title, name) = Read(submission);
        var thing = Thing(submission);
        return Letters.ToEmailAsync($"{submission.Kind}-{submission.Id}-v{submission.Version}-changes", submission.ContactEmail, new Letter
        {
            Subject = $"Please change your {thing}: {title}",
            Heading = $"Please change your {thing}",
            Greeting = Greeting(name),
            Opening = [$"Before \"{title}\" is published, the campaign team asks you to change something."],
            Reason = new Quote("What the campaign team said", reason),
            Next = new Section("What you can do", [
                $"Use the private link in the first email we sent you about your {thing} to change it. We will look at it again when you send the changes.",
            ]),
        }, now, $"{submission.Kind}-changes");
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
