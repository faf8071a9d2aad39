using CoproWeek.Hub.Email;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The double opt-in email: a link to a page whose button confirms, and the preferences link every email carries. It
/// comes in the language the subscriber chose (<see cref="SubscriberLanguage"/>): for "both", Welsh then English, each
/// part's links to the pages in its language.
/// </summary>
public static class ConfirmationEmail
{
    public static string Subject(Language language = Language.English) => EmailWords.Get("Subscription.Subject", language);

    public static Task<EmailMessage> CreateAsync(SiteOptions site, string to, string confirmToken, string preferencesToken, DateTimeOffset now,
        IReadOnlyList<Language>? languages = null)
    {
        var letters = (languages is { Count: > 0 } chosen ? chosen : [Language.English]).Select(language => new Letter
        {
            Language = language,
            Subject = Subject(language),
            Heading = EmailWords.Get("Subscription.Heading", language),
            Opening = [EmailWords.Get("Subscription.Opening", language)],
            Action = new LetterLink(EmailWords.Get("Subscription.Action", language), Page(site, Triggers.Routes.ConfirmSubscription, confirmToken, language)),
            Closing = [EmailWords.Get("Subscription.Closing", language)],
            Links = [new LetterLink(EmailWords.Get("Subscription.Preferences", language), Page(site, Triggers.Routes.SubscriptionPreferences, preferencesToken, language))],
        }).ToList();
        return Letters.ToEmailAsync(Guid.NewGuid().ToString("N"), to, letters, now, "subscription-confirm", homeUrl: site.Public(letters[0].Language.Localise("")));
    }

    private static string Page(SiteOptions site, string route, string token, Language language) =>
        site.Api(language.Localise(route)) + "?token=" + Uri.EscapeDataString(token);
}
