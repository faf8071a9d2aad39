namespace CoproWeek.Hub.Posts;

/// <summary>Which language a story's words are in, and how a page in either language marks them.</summary>
public static class StoryLanguages
{
    /// <summary>The language of the story's own title and body (a bilingual story's are English; its Welsh is beside them).</summary>
    public static Language Primary(PublicPost post) => ListingLanguage.Of(post.Language) == ListingLanguage.Welsh ? Language.Welsh : Language.English;

    /// <summary>Whether a bilingual story carries its Welsh title and body.</summary>
    public static bool IsBilingual(PublicPost post) => ListingLanguage.Of(post.Language) == ListingLanguage.Bilingual && post.Welsh is not null;

    /// <summary>The <c>lang</c> to put on text in <paramref name="text"/> on a page in <paramref name="page"/>: none when they agree.</summary>
    public static string? LangIfOther(Language text, Language page) => text == page ? null : text.HtmlLang();

    /// <summary>
    /// The resource key of the note a list shows when a story is only in the other language: "In Welsh" on an English page,
    /// "Yn Saesneg" on a Welsh one; null for a story the reader can read in their own language.
    /// </summary>
    public static string? Mark(PublicPost post, Language page) =>
        IsBilingual(post) || Primary(post) == page ? null : Primary(post) == Language.Welsh ? "InWelsh" : "InEnglish";
}
