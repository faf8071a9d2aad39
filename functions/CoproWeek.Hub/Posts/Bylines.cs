namespace CoproWeek.Hub.Posts;

/// <summary>One author of a story as the byline shows them: "Name, Role, Organisation".</summary>
public sealed record Byline(string Name, string? Role = null, string? Organisation = null);

/// <summary>
/// The people who wrote a story. A story names up to <see cref="MaxAuthors"/>; rows stored before co-authors existed
/// carry one name and organisation only, and read as a single author.
/// </summary>
public static class Bylines
{
    public const int MaxAuthors = 3;
    public const int MaxRole = 120;

    public static IReadOnlyList<Byline> Of(PostDetails details) =>
        details.Authors is { Count: > 0 } authors ? authors : [new Byline(details.AuthorName, details.AuthorRole, details.Organisation)];

    public static IReadOnlyList<Byline> Of(PublicPost post) =>
        post.Authors is { Count: > 0 } authors ? authors : [new Byline(post.AuthorName, post.AuthorRole, post.Organisation)];

    /// <summary>One author as written: "Laura Able, Steering Group member, SCIE".</summary>
    public static string Text(Byline author) =>
        string.Join(", ", new[] { author.Name, author.Role, author.Organisation }.Where(part => !string.IsNullOrWhiteSpace(part)));

    /// <summary>Every author: "A, Role and B, Role", or "A, B and C".</summary>
    public static string Text(IReadOnlyList<Byline> authors)
    {
        var each = authors.Select(Text).ToList();
        return each.Count <= 1 ? string.Concat(each) : string.Join("; ", each[..^1]) + " and " + each[^1];
    }

    /// <summary>The names alone, for places that show no roles: "A and B".</summary>
    public static string Names(IReadOnlyList<Byline> authors)
    {
        var names = authors.Select(a => a.Name).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }
}
