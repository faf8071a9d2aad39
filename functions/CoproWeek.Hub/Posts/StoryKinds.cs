namespace CoproWeek.Hub.Posts;

/// <summary>What kind of story a post is: an opinion or experience piece, an example of good practice, or a launch.</summary>
public static class StoryKinds
{
    public const string Blog = "blog";
    public const string GoodPractice = "good-practice";
    public const string Launch = "launch";

    public static readonly IReadOnlyList<Term> All =
    [
        new(Blog, "Blog"),
        new(GoodPractice, "Good practice"),
        new(Launch, "Launch"),
    ];

    /// <summary>The kind as the site and digests name it; a row from before kinds existed is a blog.</summary>
    public static string NameOf(string? kind) => Vocabulary.NameOf(All, string.IsNullOrEmpty(kind) ? Blog : kind);

    public static string Of(string? kind) => string.IsNullOrEmpty(kind) ? Blog : kind;
}
