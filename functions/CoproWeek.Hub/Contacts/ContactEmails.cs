using CoproWeek.Hub.Email;

namespace CoproWeek.Hub.Contacts;

/// <summary>
/// The one email an address gets before its owner confirms it. Its words are fixed: nothing a submitter wrote
/// (no title, no name) appears in it, so nobody can use it to say something to a stranger.
/// </summary>
public static class ContactEmails
{
    public const string Subject = "Confirm your email address for Co-production Week";

    public static Task<EmailMessage> ConfirmationAsync(SiteOptions site, string to, string mailboxId, string token, DateTimeOffset now) =>
        Letters.ToEmailAsync($"contact-{mailboxId[..16]}-{now.ToUnixTimeSeconds()}-confirm", to, new Letter
        {
            Subject = Subject,
            Heading = "Confirm your email address",
            Opening =
            [
                "Someone, we hope you, used this email address to send an event or a story to Co-production Week.",
                "Before we look at it, or send you anything else, please confirm that this is your email address. The link works for 7 days.",
            ],
            Action = new LetterLink("Confirm my email address", ConfirmUrl(site, token)),
            Closing = ["If this was not you, you do not need to do anything. We will not email you again about it, and what was sent will be deleted after 7 days."],
        }, now, "contact-confirm", homeUrl: site.Public(""));

    public static string ConfirmUrl(SiteOptions site, string token) =>
        site.Api(Triggers.Routes.ConfirmContact) + "?token=" + Uri.EscapeDataString(token);
}
