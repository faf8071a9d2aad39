namespace CoproWeek.Hub;

/// <summary>
/// The language an organiser or author wrote a listing or story in: <c>en</c> (the default), <c>cy</c>, or
/// <c>bilingual</c> (English in the usual fields, Welsh in a <c>welsh</c> object beside them).
/// </summary>
public static class ListingLanguage
{
    public const string English = "en";
    public const string Welsh = "cy";
    public const string Bilingual = "bilingual";

    public static readonly IReadOnlyList<string> All = [English, Welsh, Bilingual];

    /// <summary>A stored value as one of <see cref="All"/>; rows from before languages are English.</summary>
    public static string Of(string? value) => value is Welsh or Bilingual ? value : English;
}

/// <summary>
/// The words of a listing in one language, and which language they are in, so a page can mark them with <c>lang</c>
/// (and feeds, calendars and JSON-LD with theirs) even when the page around them is in the other language.
/// </summary>
public sealed record ListingText(string Title, string Summary, string? Description, string? EasyRead, Language Language);
