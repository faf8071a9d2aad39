using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Posts;

/// <summary>What a story's author is told, and when. Each email's id is fixed by item and version, so a retry sends nothing twice.</summary>
public static class PostEmails
{
    public static EmailMessage Receipt(string id, int version, PostDetails details, string manageUrl, DateTimeOffset now) =>
        EmailTemplate.Build($"post-{id}-v{version}-received", details.AuthorEmail, $"We have your story: {details.Title}",
        [
            $"Hello {details.AuthorName},",
            $"Thank you for sending \"{details.Title}\" to the Co-production Week blog. {Moderation.ModerationPromise.Story} We will email you when it is live.",
            "Keep this email. The button below is your private link to see your story, change it before it is published, or take it down. Do not share it.",
        ], new EmailTemplate.Link("See or change your story", manageUrl), now, category: "post-receipt");

    public static EmailMessage Held(Submission submission, PostDetails details, DateTimeOffset now) =>
        EmailTemplate.Build($"post-{submission.Id}-v{submission.Version}-held", details.AuthorEmail, $"A person will read your story: {details.Title}",
        [
            $"Hello {details.AuthorName},",
            $"\"{details.Title}\" is waiting for a person from the campaign team to read it. This usually takes one or two working days.",
            "You do not need to do anything. If you want to change your story before it goes out, use the link in your first email.",
        ], null, now, category: "post-held");

    public static EmailMessage Live(Submission submission, PostDetails details, string pageUrl, DateTimeOffset now) =>
        EmailTemplate.Build($"post-{submission.Id}-v{submission.Version}-live", details.AuthorEmail, $"Your story is live: {details.Title}",
        [
            $"Hello {details.AuthorName},",
            $"\"{details.Title}\" is now on the Co-production Week blog. Thank you for sharing it. Send the link to the people who helped you write it.",
        ], new EmailTemplate.Link("Read your story", pageUrl), now, category: "post-live");
}
