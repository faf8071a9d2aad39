using CoproWeek.Hub.Email.Templates;
using CoproWeek.Hub.Rendering;

namespace CoproWeek.Hub.Email;

/// <summary>Turns a <see cref="Letter"/> into the email the queue carries: HTML from its component, text from <see cref="LetterText"/>.</summary>
public static class Letters
{
    public static Task<EmailMessage> ToEmailAsync(string id, string to, Letter letter, DateTimeOffset now,
        string? category = null, IReadOnlyDictionary<string, string>? headers = null, string? homeUrl = null) =>
        ToEmailAsync(id, to, [letter], now, category, headers, homeUrl);

    /// <summary>
    /// One email holding the same letter in several languages, in order (a subscriber who reads both gets Welsh, then
    /// English): the subjects joined ("Cymraeg / English"), each part marked with its language, one footer.
    /// </summary>
    public static async Task<EmailMessage> ToEmailAsync(string id, string to, IReadOnlyList<Letter> letters, DateTimeOffset now,
        string? category = null, IReadOnlyDictionary<string, string>? headers = null, string? homeUrl = null)
    {
        var subject = string.Join(" / ", letters.Select(l => l.Subject));
        var html = await ComponentRenderer.Shared.RenderAsync<LetterEmail>(new Dictionary<string, object?>
        {
            ["Parts"] = letters,
            ["Subject"] = subject,
            ["HomeUrl"] = homeUrl,
        }, letters[0].Language);
        return new EmailMessage(id, to, subject, html, LetterText.Write(letters), now, headers, category);
    }
}
