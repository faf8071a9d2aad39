namespace CoproWeek.Hub.Http;

/// <summary>
/// The language of a listing or story (<c>language</c>: <c>en</c>, <c>cy</c> or <c>bilingual</c>, English if absent)
/// and the rules its <c>welsh.*</c> fields follow: a bilingual listing needs its Welsh title and summary, and a
/// one-language listing has no Welsh twin. The same words for the API and the forms.
/// </summary>
public static class LanguageFields
{
    public const string Language = "language";
    public const string WelshPrefix = "welsh.";

    /// <summary>One of <see cref="ListingLanguage.All"/>; a value not on the list is an error naming <c>language</c>.</summary>
    public static string ReadLanguage(this FieldReader f)
    {
        var code = f.Text(Language, f.Label(Language), 20);
        if (code is null)
        {
            return ListingLanguage.English;
        }
        if (!ListingLanguage.All.Contains(code.ToLowerInvariant()))
        {
            f.Fail(Language, f.Say("Language.Choose"));
            return ListingLanguage.English;
        }
        return code.ToLowerInvariant();
    }

    /// <summary>
    /// Checks the Welsh fields against the language: required ones are asked for when bilingual; when not bilingual,
    /// a program that sent Welsh words is told to choose bilingual, while a form's Welsh boxes (shown to everyone) are
    /// simply not used. Returns whether the Welsh words belong in the listing.
    /// </summary>
    public static bool CheckWelsh(this FieldReader f, string language, bool fromForm, params (string Field, string Label, string? Value, bool Required)[] welsh)
    {
        if (language == ListingLanguage.Bilingual)
        {
            foreach (var (field, label, value, required) in welsh)
            {
                if (required && value is null && !f.Errors.ContainsKey(field))
                {
                    f.Fail(field, f.Say("Language.WelshRequired", label));
                }
            }
            return true;
        }
        if (!fromForm)
        {
            foreach (var (field, _, value, _) in welsh)
            {
                if (value is not null)
                {
                    f.Fail(field, f.Say("Language.WelshOnlyBilingual"));
                }
            }
        }
        return false;
    }
}
