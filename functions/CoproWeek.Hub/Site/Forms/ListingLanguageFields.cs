namespace CoproWeek.Hub.Site.Forms;

/// <summary>
/// The form names for a listing's language and its Welsh words, shared by the event and story forms: the JSON body's
/// <c>language</c> and <c>welsh</c> object flattened with dots.
/// </summary>
public static class ListingLanguageFields
{
    /// <summary>Radios: <c>en</c>, <c>cy</c> or <c>bilingual</c> (<see cref="ListingLanguage"/>).</summary>
    public const string Language = "language";
    public const string WelshTitle = "welsh.title";
    public const string WelshSummary = "welsh.summary";
    public const string WelshDescription = "welsh.description";
    public const string WelshEasyRead = "welsh.easyRead";
    /// <summary>A story's Welsh text.</summary>
    public const string WelshBody = "welsh.body";

    /// <summary>The event form's language fields: it always posts them (empty when not used).</summary>
    public static readonly IReadOnlyList<string> OfEvents = [Language, WelshTitle, WelshSummary, WelshDescription, WelshEasyRead];

    /// <summary>The story form's language fields.</summary>
    public static readonly IReadOnlyList<string> OfStories = [Language, WelshTitle, WelshBody];
}
