using System.Globalization;

namespace CoproWeek.Hub;

/// <summary>
/// The two languages the public hub speaks. English pages live at their usual addresses; Welsh pages live under
/// <c>cy/</c> on the static site and under <c>{api}/cy/</c> for pages a function answers. Moderation stays in English.
/// </summary>
public enum Language
{
    English,
    Welsh,
}

public static class Languages
{
    public static readonly IReadOnlyList<Language> All = [Language.English, Language.Welsh];

    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo WelshCulture = CultureInfo.GetCultureInfo("cy-GB");

    /// <summary>The culture resources and dates are read in: <c>en-GB</c> or <c>cy-GB</c>.</summary>
    public static CultureInfo Culture(this Language language) => language == Language.Welsh ? WelshCulture : EnglishCulture;

    /// <summary>The short code for <c>lang</c>, <c>hreflang</c> and form fields: <c>en</c> or <c>cy</c>.</summary>
    public static string Code(this Language language) => language == Language.Welsh ? "cy" : "en";

    /// <summary>The page's <c>lang</c> on the <c>html</c> element: <c>en-GB</c> or <c>cy</c>.</summary>
    public static string HtmlLang(this Language language) => language == Language.Welsh ? "cy" : "en-GB";

    /// <summary>Open Graph's locale: <c>en_GB</c> or <c>cy_GB</c>.</summary>
    public static string OpenGraphLocale(this Language language) => language == Language.Welsh ? "cy_GB" : "en_GB";

    public static Language Other(this Language language) => language == Language.Welsh ? Language.English : Language.Welsh;

    /// <summary>The path prefix of the language's pages: empty for English, <c>cy/</c> for Welsh.</summary>
    public static string Prefix(this Language language) => language == Language.Welsh ? "cy/" : "";

    /// <summary>A site path (blob name or route) in this language: <c>events/index.html</c> becomes <c>cy/events/index.html</c> in Welsh.</summary>
    public static string Localise(this Language language, string path) => language.Prefix() + path;

    /// <summary>The language a path is in, and the path as English has it: <c>cy/events/</c> is Welsh <c>events/</c>.</summary>
    public static (Language Language, string Path) OfPath(string path)
    {
        var trimmed = path.TrimStart('/');
        if (trimmed == "cy" || trimmed.StartsWith("cy/", StringComparison.Ordinal))
        {
            return (Language.Welsh, trimmed.Length <= 3 ? "" : trimmed[3..]);
        }
        return (Language.English, trimmed);
    }

    /// <summary>Reads <c>cy</c> (or <c>cy-GB</c>) as Welsh; anything else, or nothing, is English.</summary>
    public static Language Parse(string? code) =>
        code is not null && code.Trim().StartsWith("cy", StringComparison.OrdinalIgnoreCase) ? Language.Welsh : Language.English;

    /// <summary>
    /// The language a request asks for: a <c>/cy/</c> segment in its path (the Welsh twin of a route), or a <c>lang</c>
    /// field in its query (a form on a Welsh page posts <c>lang=cy</c>). Never guessed from the browser's settings, so
    /// the same address always answers in the same language.
    /// </summary>
    public static Language Of(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (request.Path.Value is { } path && path.Contains("/cy/", StringComparison.Ordinal) || request.Path.Value?.EndsWith("/cy", StringComparison.Ordinal) == true)
        {
            return Language.Welsh;
        }
        return Parse(request.Query["lang"].FirstOrDefault());
    }
}
