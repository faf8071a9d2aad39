using CoproWeek.Hub.Email;

namespace CoproWeek.Hub.Contacts;

/// <summary>
/// The one email an address gets before its owner confirms it, in the language of the form that gave the address. Its
/// words are fixed: nothing a submitter wrote (no title, no name) appears in it, so nobody can use it to say something
/// to a stranger.
/// </summary>
public static class ContactEmails
{
    public static string Subject(Language language = Language.English) => EmailWords.Get("Contact.Subject", language);

    public static Task<EmailMessage> ConfirmationAsync(SiteOptions site, string to, string mailboxId, string token, DateTimeOffset now,
        Language language = Language.English) =>
        Letters.ToEmailAsync($"contact-{mailboxId[..16]}-{now.ToUnixTimeSeconds()}-confirm", to, new Letter
        {
            Language = language,
            Subject = Subject(language),
            Heading = EmailWords.Get("Contact.Heading", language),
            Opening = [EmailWords.Get("Contact.Opening1", language), EmailWords.Get("Contact.Opening2", language)],
            Action = new LetterLink(EmailWords.Get("Contact.Action", language), ConfirmUrl(site, token, language)),
            Closing = [EmailWords.Get("Contact.Closing", language)],
        }, now, "contact-confirm", homeUrl: site.Public(language.Localise("")));

    /// <summary>The confirmation page, in the reader's language (its Welsh twin is the English route under <c>cy/</c>).</summary>
    public static string ConfirmUrl(SiteOptions site, string token, Language language = Language.English) =>
        site.Api(language.Localise(Triggers.Routes.ConfirmContact)) + "?token=" + Uri.EscapeDataString(token);
}
