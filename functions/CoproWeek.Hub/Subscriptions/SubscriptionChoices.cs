using System.Net.Mail;
using CoproWeek.Hub.Http;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>What someone asks for when they subscribe or change their choices.</summary>
/// <param name="Action">What a button on the preferences page asked for (<c>unsubscribe</c>), when not saving choices.</param>
/// <param name="Language">The <see cref="SubscriberLanguage"/> of their emails; null when not sent (a sign-up then takes the page's language, a change keeps the one they have).</param>
public sealed record SubscriptionRequest(string? Email, string? Frequency, IReadOnlyList<string>? Regions, IReadOnlyList<string>? Topics, string? Action = null,
    string? Language = null);

/// <summary>Reads a subscription request from JSON or a form post, and checks it field by field.</summary>
public static class SubscriptionChoices
{
    public const int MaxEmailLength = 254;
    public static readonly IReadOnlyList<string> Frequencies = ["daily", "weekly"];

    /// <summary>A sign-up or a change of choices is small; nothing past this is read.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    /// <summary>
    /// The request from JSON or a form post, or a problem (400, 413, 415) when the body cannot be read as one.
    /// Fields of the wrong kind (a number for the email, a list for the frequency) are problems too, in the request's language.
    /// </summary>
    public static async Task<(SubscriptionRequest? Request, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var language = Languages.Of(request);
        var (fields, problem) = await InputFields.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (fields is null)
        {
            return (null, problem);
        }
        var errors = new Dictionary<string, string[]>();
        string? Text(string name)
        {
            var value = fields[name];
            if (value is { WrongKind: true } or { Flag: not null } or { List: not null })
            {
                errors[name] = [Words("ErrorAsText", language, name)];
                return null;
            }
            return value?.Text;
        }
        IReadOnlyList<string>? List(string name)
        {
            var value = fields[name];
            if (value is { WrongKind: true } or { Flag: not null } || (value?.Text is not null && !fields.FromForm))
            {
                errors[name] = [Words("ErrorAsList", language, name)];
                return null;
            }
            return value?.List ?? (value?.Text is { Length: > 0 } one ? [one] : []);
        }
        var choices = new SubscriptionRequest(Text("email"), Text("frequency"), List("regions"), List("topics"), Text("action"), Text("language"));
        foreach (var hidden in new[] { ("email", choices.Email), ("frequency", choices.Frequency) }.Where(f => f.Item2 is not null && FieldReader.HasHiddenCharacters(f.Item2, multiline: false)))
        {
            errors[hidden.Item1] = [Words("ErrorHidden", language)];
        }
        return errors.Count > 0 ? (null, Problems.Validation(errors, language)) : (choices, null);
    }

    /// <summary>Field errors in plain words, in the reader's language; empty when the request can be used.</summary>
    public static Dictionary<string, string[]> Validate(SubscriptionRequest request, bool needEmail, Language language = Hub.Language.English)
    {
        var errors = new Dictionary<string, string[]>();
        if (needEmail && !IsEmail(request.Email))
        {
            errors["email"] = [Words(string.IsNullOrWhiteSpace(request.Email) ? "ErrorEmailMissing" : "ErrorEmailFormat", language)];
        }
        if (request.Frequency is null || !Frequencies.Contains(request.Frequency))
        {
            errors["frequency"] = [Words("ErrorFrequency", language)];
        }
        if (request.Regions?.Where(r => !Vocabulary.Contains(Vocabulary.Regions, r)).ToList() is { Count: > 0 } badRegions)
        {
            errors["regions"] = [Words("ErrorRegions", language, string.Join(", ", badRegions.Take(5)))];
        }
        if (request.Topics?.Where(t => !Vocabulary.Contains(Vocabulary.Topics, t)).ToList() is { Count: > 0 } badTopics)
        {
            errors["topics"] = [Words("ErrorTopics", language, string.Join(", ", badTopics.Take(5)))];
        }
        if (request.Language is not null && !SubscriberLanguage.IsValid(request.Language))
        {
            errors["language"] = [Words("ErrorLanguage", language)];
        }
        return errors;
    }

    private static string Words(string key, Language language, params object?[] args) => Rendering.Localised.Get<SubscriptionText>(key, language, args);

    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxEmailLength || email.Any(char.IsControl) || email.Contains(' '))
        {
            return false;
        }
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || parsed.DisplayName.Length > 0)
        {
            return false;
        }
        var at = email.LastIndexOf('@');
        return at is > 0 and <= 64 && email[(at + 1)..].Contains('.');
    }
}
