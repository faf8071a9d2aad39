namespace CoproWeek.Hub.Supporters;

/// <summary>Where the supporters' files live in <c>$web</c> (blob names, no leading slash).</summary>
public static class SupporterPaths
{
    public const string List = "supporters/index.html";
    public const string Form = "support-the-week/index.html";
    public const string Thanks = "support-the-week/thanks/index.html";
    /// <summary>The thanks page's folder, where a form goes on to after a pledge.</summary>
    public const string ThanksFolder = "support-the-week/thanks/";
    public const string LogosFolder = "supporters/logos/";

    /// <summary><c>supporters/logos/{slug}.png</c>: one file per supporter, replaced when a new version is approved.</summary>
    public static string Logo(string slug, string extension) => $"{LogosFolder}{Uri.EscapeDataString(slug)}{extension}";
}
