using System.Text;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary>A published event a story links to.</summary>
public sealed record RelatedEvent(string Title, string Url);

/// <summary>
/// <c>posts/{slug}/index.html</c>: one story with its author, date, pictures and tags, and schema.org <c>BlogPosting</c>
/// data. Takes only <see cref="PublicPost"/>, which has no email address, and a body already made safe by <see cref="PostBodyRenderer"/>.
/// </summary>
public static class PostPage
{
    /// <param name="modified">When this version was published (schema.org <c>dateModified</c>); the first publication if not given.</param>
    public static string Render(PublishedPost published, string safeBodyHtml, RelatedEvent? related, SiteOptions options, DateTimeOffset? modified = null)
    {
        var p = published.Post;
        var html = new StringBuilder(safeBodyHtml.Length + 4096);
        html.Append("<article>\n").KindLabel(p).Append("<h1>").Text(p.Title).Append("</h1>\n<p class=\"byline\">").Byline(p);
        html.Append("</p>\n").FirstAppeared(p).Append("<p>Published <time datetime=\"").Append(UkTime.Iso(published.PublishedAt)).Append("\">")
            .Text(UkTime.Date(published.PublishedAt)).Append("</time></p>\n");
        if (p.Images.Count > 0)
        {
            // The first picture is on screen as the page opens: fetched at once, not lazily.
            Figure(html, p.Images[0], lazy: false);
        }
        html.Append("<div class=\"story\">\n").Append(safeBodyHtml).Append("\n</div>\n");
        foreach (var image in p.Images.Skip(1))
        {
            Figure(html, image, lazy: true);
        }
        if (related is not null && Html.SafeUrl(related.Url) is { } eventUrl)
        {
            html.Append("<p>This story is about an event: <a href=\"").Text(eventUrl).Append("\">").Text(related.Title).Append("</a></p>\n");
        }
        if (p.Tags.Count > 0)
        {
            html.Append("<h2>Tags</h2>\n<ul class=\"tags\">\n");
            foreach (var tag in p.Tags)
            {
                html.Append("<li>").Text(tag).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.AppendReportLink(options, published.Id, "story");
        html.Append("</article>\n<p><a href=\"").Text(options.Url(PostPaths.Posts)).Append("\">See all stories</a></p>\n");

        return SiteLayout.Render(options, p.Title, html.ToString(), SiteSection.Stories, new PageHead
        {
            Description = p.Summary,
            Canonical = StoryCredits.Canonical(published, options),
            JsonLd = JsonLd(published, options, modified ?? published.PublishedAt),
            Alternates = SiteFeeds.Alternates(options),
            OpenGraphType = "article",
            Image = p.Images.Count > 0 ? new SharedImage(p.Images[0].Url, p.Images[0].Width, p.Images[0].Height, p.Images[0].Alt) : null,
        });
    }

    /// <summary>A card in the list of stories: title link, author, date and summary.</summary>
    public static string Card(PublishedPost published, SiteOptions options, int headingLevel = 2)
    {
        var p = published.Post;
        var html = new StringBuilder(600);
        html.Append(p.Images.Count > 0 ? "<li class=\"card card-with-picture\">\n" : "<li class=\"card\">\n");
        if (p.Images.Count > 0)
        {
            // The title beside it says what the story is; the thumbnail only decorates, so screen readers skip it.
            html.Picture(p.Images[0], Pictures.ThumbnailSizes, lazy: true, alt: "", className: "thumbnail");
        }
        html.Append("<h").Append(headingLevel).Append("><a href=\"").Text(options.Url(PostPaths.Page(published.Slug))).Append("\">").Text(p.Title)
            .Append("</a></h").Append(headingLevel).Append(">\n")
            .KindLabel(p).Append("<p>").Byline(p);
        html.Append(". <time datetime=\"").Append(UkTime.Iso(published.PublishedAt)).Append("\">").Text(UkTime.Date(published.PublishedAt)).Append("</time></p>\n")
            .Append("<p>").Text(p.Summary).Append("</p>\n</li>\n");
        return html.ToString();
    }

    private static void Figure(StringBuilder html, PublicImage image, bool lazy) =>
        html.Append("<figure>\n").Picture(image, Pictures.StorySizes, lazy).Append("</figure>\n");

    private static string JsonLd(PublishedPost published, SiteOptions options, DateTimeOffset modified)
    {
        var p = published.Post;
        return SiteJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "BlogPosting");
            json.WriteString("headline", p.Title);
            json.WriteString("description", p.Summary);
            EventJsonLd.WriteLanguages(json, p.TextFor(Language.English), p.Welsh is null ? null : p.TextFor(Language.Welsh));
            json.WriteString("datePublished", UkTime.Iso(published.PublishedAt));
            json.WriteString("dateModified", UkTime.Iso(modified < published.PublishedAt ? published.PublishedAt : modified));
            json.WriteString("mainEntityOfPage", options.Url(PostPaths.Page(published.Slug)));
            json.WriteString("url", options.Url(PostPaths.Page(published.Slug)));
            StoryCredits.WriteAuthors(json, p);
            if (p.Images.Count > 0)
            {
                json.WriteStartArray("image");
                foreach (var image in p.Images)
                {
                    json.WriteStringValue(image.Url);
                }
                json.WriteEndArray();
            }
            if (p.Tags.Count > 0)
            {
                json.WriteString("keywords", string.Join(", ", p.Tags));
            }
            json.WriteStartObject("publisher");
            json.WriteString("@type", "Organization");
            json.WriteString("name", SiteLayout.SiteName);
            json.WriteString("url", options.Url(SitePaths.Home));
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", options.Public(Brand.LogoPng));
            json.WriteNumber("width", 512);
            json.WriteNumber("height", 512);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }
}
