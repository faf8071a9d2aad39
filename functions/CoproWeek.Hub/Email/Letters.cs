using CoproWeek.Hub.Email.Templates;
using CoproWeek.Hub.Rendering;

namespace CoproWeek.Hub.Email;

/// <summary>Turns a <see cref="Letter"/> into the email the queue carries: HTML from its component, text from <see cref="LetterText"/>.</summary>
public static class Letters
{
    public static async Task<EmailMessage> ToEmailAsync(string id, string to, Letter letter, DateTimeOffset now,
        string? category = null, IReadOnlyDictionary<string, string>? headers = null, string? homeUrl = null)
    {
        var html = await ComponentRenderer.Shared.RenderAsync<LetterEmail>(new Dictionary<string, object?>
        {
            ["Model"] = letter,
            ["HomeUrl"] = homeUrl,
        });
        return new EmailMessage(id, to, letter.Subject, html, LetterText.Write(letter), now, headers, category);
    }
}
