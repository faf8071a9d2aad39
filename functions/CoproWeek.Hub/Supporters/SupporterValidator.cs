using CoproWeek.Hub.Http;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Supporters;

/// <summary>A pledge that passed every check: its details (logo not yet stored) and its prepared logo.</summary>
public sealed record SupporterDraft(SupporterDetails Details, PreparedImage? Logo);

/// <summary>The outcome of reading a pledge: the draft, or every problem by field; and whether the honeypot was filled.</summary>
public sealed record SupporterInput(SupporterDraft? Draft, Dictionary<string, string[]> Errors, bool Honeypot);

/// <summary>Checks a pledge of support field by field, with the same words for the API and the form.</summary>
public static class SupporterValidator
{
    public const string HoneypotField = "url";
    public const int MaxName = 120;
    public const int MaxStatement = 280;

    /// <summary>Every field the form has, top to bottom: the error summary follows this order.</summary>
    public static readonly IReadOnlyList<string> Fields = ["organisation", "website", "statement", SupporterLogo.Field, "contactEmail", "consent"];

    public static SupporterInput Read(InputFields fields, ImagePreparation? logo, Language language = Language.English)
    {
        string Words(string key) => Rendering.Localised.Get<SupporterText>(key, language);
        var f = new FieldReader(fields, language);
        var honeypot = f.Take(HoneypotField) is { Text: { Length: > 0 } };
        // Required answers are checked here rather than by the reader, so that their messages are in the reader's language.
        var name = Required(f, "organisation", f.Text("organisation", Words("LabelName"), MaxName), Words("ErrorName"));
        var website = Required(f, "website", f.Https("website", Words("LabelWebsite")), Words("ErrorWebsite"));
        var statement = Required(f, "statement", f.Text("statement", Words("LabelStatement"), MaxStatement, multiline: true), Words("ErrorStatement"));
        var email = Required(f, "contactEmail", f.Email("contactEmail", Words("LabelEmail")), Words("ErrorEmail"));
        var consent = f.Flag("consent", Words("LabelConsent"));
        // A JSON body cannot carry a file; a form's empty file input is no logo.
        f.Take(SupporterLogo.Field);
        f.RejectUnknown();
        if (!consent && !f.Errors.ContainsKey("consent"))
        {
            f.Fail("consent", Words("ErrorConsent"));
        }
        if (logo is { Succeeded: false })
        {
            f.Fail(SupporterLogo.Field, logo.Error);
        }
        if (!f.IsValid)
        {
            return new SupporterInput(null, f.Errors, honeypot);
        }
        var details = new SupporterDetails { Title = name!, Website = website!, Statement = statement!, ContactEmail = email!, Consent = true };
        return new SupporterInput(new SupporterDraft(details, logo?.Image), f.Errors, honeypot);
    }

    private static string? Required(FieldReader reader, string name, string? value, string message)
    {
        if (value is null && !reader.Errors.ContainsKey(name))
        {
            reader.Fail(name, message);
        }
        return value;
    }
}
