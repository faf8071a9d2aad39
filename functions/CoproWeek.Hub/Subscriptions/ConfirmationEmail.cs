using CoproWeek.Hub.Email;
using static CoproWeek.Hub.Subscriptions.Page;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>The double opt-in email: a link to a page whose button confirms, and the preferences link every email carries.</summary>
public static class ConfirmationEmail
{
    public static EmailMessage Create(SiteOptions site, string to, string confirmToken, string preferencesToken, DateTimeOffset now)
    {
        var confirm = site.Api(Triggers.Routes.ConfirmSubscription) + "?token=" + Uri.EscapeDataString(confirmToken);
        var preferences = site.Api(Triggers.Routes.SubscriptionPreferences) + "?token=" + Uri.EscapeDataString(preferencesToken);
        const string subject = "Please confirm: emails from Co-production Week";
        var html =
            "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<title>" + E(subject) + "</title></head><body style=\"font-family:Arial,sans-serif;font-size:18px;line-height:1.5\">" +
            "<h1 style=\"font-size:24px\">Please confirm your email address</h1>" +
            "<p>Someone, we hope you, asked for emails from Co-production Week at this address.</p>" +
            "<p><a href=\"" + E(confirm) + "\">Confirm that you want our emails</a></p>" +
            "<p>The link works for 7 days. If you did not ask, ignore this email and we will not write again.</p>" +
            "<p><a href=\"" + E(preferences) + "\">Change your choices or see what we hold about you</a></p>" +
            "</body></html>";
        var text =
            "Please confirm your email address\n\n" +
            "Someone, we hope you, asked for emails from Co-production Week at this address.\n\n" +
            "Confirm that you want our emails:\n" + confirm + "\n\n" +
            "The link works for 7 days. If you did not ask, ignore this email and we will not write again.\n\n" +
            "Change your choices or see what we hold about you:\n" + preferences + "\n";
        return new EmailMessage(Guid.NewGuid().ToString("N"), to, subject, html, text, now, Category: "subscription-confirm");
    }
}
