using CoproWeek.Hub.Email;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Posts;

/// <summary>What a story's author is told, and when. Each email's id is fixed by item and version, so a retry sends nothing twice.</summary>
public static class PostEmails
{
    public const string ManageLabel = "See, change or take down your story";

    /// <param name="body">The story's Markdown, for its first lines; null when it cannot be read.</param>
    public static Task<EmailMessage> ReceiptAsync(string id, int version, PostDetails details, string? body, string manageUrl, DateTimeOffset now) =>
        Letters.ToEmailAsync($"post-{id}-v{version}-received", details.AuthorEmail, new Letter
        {
            Subject = $"We have your story: {details.Title}",
            Heading = "We have your story",
            Greeting = Greeting(details),
            Opening = ["Thank you for sending your story to the Co-production Week blog. This is what you sent us."],
            Recap = Recap(details, body),
            Next = new Section("What happens next", [Moderation.ModerationPromise.Story, EventEmails.WeWillEmail]),
            Action = new LetterLink(ManageLabel, manageUrl, EventEmails.ManageNote),
        }, now, "post-receipt");

    public static Task<EmailMessage> HeldAsync(Submission submission, PostDetails details, DateTimeOffset now) =>
        Letters.ToEmailAsync($"post-{submission.Id}-v{submission.Version}-held", details.AuthorEmail, new Letter
        {
            Subject = $"A person will read your story: {details.Title}",
            Heading = "A person will read your story",
            Greeting = Greeting(details),
            Opening = [$"\"{details.Title}\" is waiting for a person from the campaign team to read it. This usually takes one or two working days."],
            Next = new Section("What you can do", [
                "You do not need to do anything. We will email you when it is live, or if we need you to change something.",
                EventEmails.ManageFallback("story"),
            ]),
        }, now, "post-held");

    public static Task<EmailMessage> LiveAsync(Submission submission, PostDetails details, string pageUrl, string? manageUrl, DateTimeOffset now) =>
        Letters.ToEmailAsync($"post-{submission.Id}-v{submission.Version}-live", details.AuthorEmail, new Letter
        {
            Subject = $"Your story is live: {details.Title}",
            Heading = "Your story is live",
            Greeting = Greeting(details),
            Opening = [$"\"{details.Title}\" is now on the Co-production Week blog. Thank you for sharing it. Send its page to the people who helped you write it."],
            Action = new LetterLink("Read your story", pageUrl),
            Links = manageUrl is null ? [] : [new LetterLink(ManageLabel, manageUrl, EventEmails.ManageNote)],
            Closing = manageUrl is null ? [EventEmails.ManageFallback("story")] : [],
        }, now, "post-live");

    /// <summary>The story as its author sent it: title, byline and its first lines as plain words.</summary>
    public static Recap Recap(PostDetails details, string? body)
    {
        var rows = new List<RecapRow> { new("By", details.AuthorName) };
        if (!string.IsNullOrWhiteSpace(details.Organisation))
        {
            rows.Add(new RecapRow("Organisation", details.Organisation));
        }
        return new Recap("What you sent", details.Title, rows, body is null ? null : StoryExcerpt.From(body, 300));
    }

    private static string Greeting(PostDetails details) =>
        string.IsNullOrWhiteSpace(details.AuthorName) ? "Hello," : $"Hello {details.AuthorName},";
}
