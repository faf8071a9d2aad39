using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Supporters;

/// <summary>What a supporting organisation's contact is told, and when. Each email's id is fixed by item and version, so a retry sends nothing twice.</summary>
public static class SupporterEmails
{
    public static EmailMessage Receipt(string id, int version, SupporterDetails details, string manageUrl, DateTimeOffset now) =>
        EmailTemplate.Build($"supporter-{id}-v{version}-received", details.ContactEmail, $"We have your pledge of support: {details.Title}",
        [
            "Hello,",
            $"Thank you for telling us that {details.Title} supports Co-production Week. A person from our team reads every pledge before it goes on the supporters page. We will email you when it is there.",
            "Keep this email. The button below is your private link to see your pledge or take it off the page. Do not share it.",
        ], new EmailTemplate.Link("See or withdraw your pledge", manageUrl), now, category: "supporter-receipt");

    public static EmailMessage Held(Submission submission, SupporterDetails details, DateTimeOffset now) =>
        EmailTemplate.Build($"supporter-{submission.Id}-v{submission.Version}-held", details.ContactEmail, $"A person will read your pledge: {details.Title}",
        [
            "Hello,",
            $"The pledge of support from {details.Title} is waiting for a person from the campaign team to read it. This usually takes one or two working days.",
            "You do not need to do anything.",
        ], null, now, category: "supporter-held");

    public static EmailMessage Live(Submission submission, SupporterDetails details, string pageUrl, DateTimeOffset now) =>
        EmailTemplate.Build($"supporter-{submission.Id}-v{submission.Version}-live", details.ContactEmail, $"You are on the supporters page: {details.Title}",
        [
            "Hello,",
            $"{details.Title} is now listed among the organisations that support Co-production Week. Thank you.",
            "If you ever want to come off the page, use the private link in your first email.",
        ], new EmailTemplate.Link("See the supporters page", pageUrl), now, category: "supporter-live");
}
