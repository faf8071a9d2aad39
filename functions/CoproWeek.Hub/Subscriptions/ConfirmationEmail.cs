using CoproWeek.Hub.Email;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>The double opt-in email: a link to a page whose button confirms, and the preferences link every email carries.</summary>
public static class ConfirmationEmail
{
    public const string Subject = "Please confirm: emails from Co-production Week";

    public static Task<EmailMessage> CreateAsync(SiteOptions site, string to, string confirmToken, string preferencesToken, DateTimeOffset now)
    {
        var confirm = site.Api(Triggers.Routes.ConfirmSubscription) + "?token=" + Uri.EscapeDataString(confirmToken);
        var preferences = site.Api(Triggers.Routes.SubscriptionPreferences) + "?token=" + Uri.EscapeDataString(preferencesToken);
        return Letters.ToEmailAsync(Guid.NewGuid().ToString("N"), to, new Letter
        {
            Subject = Subject,
            Heading = "Please confirm your email address",
            Opening = ["Someone, we hope you, asked for emails from Co-production Week at this address."],
            Action = new LetterLink("Confirm that you want our emails", confirm),
            Closing = ["The link works for 7 days. If you did not ask, ignore this email and we will not write again."],
            Links = [new LetterLink("Change your choices or see what we hold about you", preferences)],
        }, now, "subscription-confirm", homeUrl: site.Public(""));
    }
}
