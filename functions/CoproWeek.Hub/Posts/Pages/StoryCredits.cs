using System.Text.Json;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// Who wrote a story, where it first appeared and what kind it is, as the story page, its card, its JSON-LD and the
/// feeds show them; and where a story's page is in each language.
/// </summary>
public static class StoryCredits
{
    /// <summary>"Name, Role, Organisation and Name, Role": the authors joined in the reader's language.</summary>
    public static string Authors(PublicPost post, Language language)
    {
        var each = Bylines.Of(post).Select(Bylines.Text).ToList();
        if (each.Count <= 1)
        {
            return string.Concat(each);
        }
        var last = each[^1];
        var and = Localised.Get<PostText>(StartsWithVowel(last) ? "AndBeforeVowel" : "And", language);
        return string.Join("; ", each[..^1]) + and + last;
    }

    /// <summary>The other website a story first appeared on, as a safe address and the name to show ("example.org").</summary>
    public static (string Url, string Host)? FirstAppeared(PublicPost post) =>
        Html.SafeUrl(post.OriginalUrl) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? (url, uri.IdnHost.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.IdnHost[4..] : uri.IdnHost)
            : null;

    /// <summary>A small label naming the kind, for good-practice examples and launches (a blog needs none).</summary>
    public static string? KindLabel(PublicPost post, Language language) =>
        StoryKinds.Of(post.Kind) == StoryKinds.Blog ? null : KindName(post.Kind, language);

    /// <summary>"Good practice", "Arfer da".</summary>
    public static string KindName(string? kind, Language language) => Localised.Get<PostText>(ResourceKeys.Of("Kind", StoryKinds.Of(kind)), language);

    /// <summary>"Good practice examples", "Enghreifftiau o arfer da": the heading of a kind's list.</summary>
    public static string KindPlural(string kind, Language language) => Localised.Get<PostText>(ResourceKeys.Of("Kinds", StoryKinds.Of(kind)), language);

    /// <summary>The story's page in a language: <c>posts/{slug}/</c>, or <c>cy/posts/{slug}/</c> in Welsh.</summary>
    public static string Url(PublishedPost published, SiteOptions options, Language language = Language.English) =>
        options.Url(language.Localise(PostPaths.Page(published.Slug)));

    /// <summary>Where search engines should credit the story: the original when it first appeared elsewhere, as Ghost does for cross-posts.</summary>
    public static string Canonical(PublishedPost published, SiteOptions options, Language language = Language.English) =>
        Html.SafeUrl(published.Post.OriginalUrl) ?? Url(published, options, language);

    /// <summary>Whether the sitemap lists the story: not when it first appeared elsewhere.</summary>
    public static bool InSitemap(PublishedPost published) => string.IsNullOrEmpty(published.Post.OriginalUrl);

    /// <summary>schema.org <c>author</c>: one Person per author, with <c>jobTitle</c> and <c>worksFor</c>.</summary>
    /// <remarks>One author is written as an object, several as an array: schema.org takes both, and readers of older pages expect the object.</remarks>
    public static void WriteAuthors(Utf8JsonWriter json, PublicPost post)
    {
        var authors = Bylines.Of(post);
        if (authors.Count > 1)
        {
            json.WriteStartArray("author");
        }
        else
        {
            json.WritePropertyName("author");
        }
        foreach (var author in authors)
        {
            json.WriteStartObject();
            json.WriteString("@type", "Person");
            json.WriteString("name", author.Name);
            if (!string.IsNullOrWhiteSpace(author.Role))
            {
                json.WriteString("jobTitle", author.Role);
            }
            if (!string.IsNullOrWhiteSpace(author.Organisation))
            {
                json.WriteStartObject("worksFor");
                json.WriteString("@type", "Organization");
                json.WriteString("name", author.Organisation);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (authors.Count > 1)
        {
            json.WriteEndArray();
        }
    }

    // Welsh "and" is "ac" before a vowel.
    private static bool StartsWithVowel(string text) => text.Length > 0 && "AEIOUaeiouÂÊÎÔÛâêîôû".Contains(text[0]);
}
