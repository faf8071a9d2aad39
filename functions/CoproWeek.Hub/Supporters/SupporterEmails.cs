using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Supporters;

/// <summary>What a supporting organisation's contact is told, and when. Each email's id is fixed by item and version, so a retry sends nothing twice.</summary>
public static class SupporterEmails
{
    public const string ManageLabel = "See or withdraw your pledge";
    public const string ManageNote = "This is your private link. Keep this email and do not share the link.";

    /// <summary>Every pledge is held for a person (see <c>ModerateSubmission</c>), whatever the hub's setting for events.</summary>
    public const string Promise = "A person from our team reads every pledge before it goes on the supporters page. This usually takes one or two working days.";

    public static Task<EmailMessage> ReceiptAsync(string id, int version, SupporterDetails details, string manageUrl, DateTimeOffset now) =>
        Letters.ToEmailAsync($"supporter-{id}-v{version}-received", details.ContactEmail, new Letter
        {
            Subject = $"We have your pledge of support: {details.Title}",
            Heading = "We have your pledge of support",
            Greeting = "Hello,",
            Opening = [$"Thank you for telling us that {details.Title} supports Co-production Week. This is what you sent us."],
            Recap = Recap(details),
            Next = new Section("What happens next", [Promise, "We will email you when it is on the page."]),
            Action = new LetterLink(ManageLabel, manageUrl, ManageNote),
        }, now, "supporter-receipt");

    public static Task<EmailMessage> HeldAsync(Submission submission, SupporterDetails details, DateTimeOffset now) =>
        Letters.ToEmailAsync($"supporter-{submission.Id}-v{submission.Version}-held", details.ContactEmail, new Letter
        {
            Subject = $"A person will read your pledge: {details.Title}",
            Heading = "A person will read your pledge",
            Greeting = "Hello,",
            Opening = [$"The pledge of support from {details.Title} is waiting for a person from the campaign team to read it. This usually takes one or two working days."],
            Next = new Section("What you can do", [
                "You do not need to do anything. We will email you when it is on the supporters page.",
                ManageFallback,
            ]),
        }, now, "supporter-held");

    /// <param name="manageUrl">The private link, when the approval passed it on; otherwise the email says where to find it.</param>
    public static Task<EmailMessage> LiveAsync(Submission submission, SupporterDetails details, string pageUrl, string? manageUrl, DateTimeOffset now) =>
        Letters.ToEmailAsync($"supporter-{submission.Id}-v{submission.Version}-live", details.ContactEmail, new Letter
        {
            Subject = $"You are on the supporters page: {details.Title}",
            Heading = "You are on the supporters page",
            Greeting = "Hello,",
            Opening = [$"{details.Title} is now listed among the organisations that support Co-production Week. Thank you."],
            Action = new LetterLink("See the supporters page", pageUrl),
            Links = manageUrl is null ? [] : [new LetterLink(ManageLabel, manageUrl, ManageNote)],
            Closing = manageUrl is null ? [ManageFallback] : [],
        }, now, "supporter-live");

    /// <summary>The pledge as the organisation sent it: its name, website and statement.</summary>
    public static Recap Recap(SupporterDetails details)
    {
        var rows = new List<RecapRow>();
        if (!string.IsNullOrWhiteSpace(details.Website))
        {
            rows.Add(new RecapRow("Website", WebsiteWords(details.Website)));
        }
        return new Recap("What you sent", details.Title, rows, string.IsNullOrWhiteSpace(details.Statement) ? null : details.Statement);
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

    internal const string ManageFallback =
        "To see your pledge or take it off the page, use the private link in the first email we sent you about it (\"We have your pledge of support\").";
}
