using System.Text;
using System.Text.Json;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary>
/// Who wrote a story, where it first appeared and what kind it is, as the story page, its card, its JSON-LD and the
/// feeds show them.
/// </summary>
public static class StoryCredits
{
    /// <summary>"By Name, Role, Organisation and Name, Role", encoded.</summary>
    public static StringBuilder Byline(this StringBuilder html, PublicPost post) =>
        html.Append("By ").Text(Bylines.Text(Bylines.Of(post)));

    /// <summary>"This story first appeared on example.org", linked, for a story published elsewhere first.</summary>
    public static StringBuilder FirstAppeared(this StringBuilder html, PublicPost post)
    {
        if (Html.SafeUrl(post.OriginalUrl) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            html.Append("<p class=\"first-appeared\">This story first appeared on <a href=\"").Text(url).Append("\">")
                .Text(uri.IdnHost.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.IdnHost[4..] : uri.IdnHost).Append("</a>.</p>\n");
        }
        return html;
    }

    /// <summary>A small label naming the kind, for good-practice examples and launches (a blog needs none).</summary>
    public static StringBuilder KindLabel(this StringBuilder html, PublicPost post) =>
        StoryKinds.Of(post.Kind) == StoryKinds.Blog ? html : html.Append("<p class=\"story-kind\">").Text(StoryKinds.NameOf(post.Kind)).Append("</p>\n");

    /// <summary>Where search engines should credit the story: the original when it first appeared elsewhere, as Ghost does for cross-posts.</summary>
    public static string Canonical(PublishedPost published, SiteOptions options) =>
        Html.SafeUrl(published.Post.OriginalUrl) ?? options.Url(PostPaths.Page(published.Slug));

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
}
