using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Posts;

/// <summary>A story page's schema.org <c>BlogPosting</c>, in the page's language.</summary>
internal static class StoryJsonLd
{
    public static string Write(PublishedPost published, SiteOptions options, DateTimeOffset modified, Language language)
    {
        var p = published.Post;
        var text = p.TextFor(language);
        var url = StoryCredits.Url(published, options, language);
        return SiteJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "BlogPosting");
            json.WriteString("headline", text.Title);
            json.WriteString("description", text.Summary);
            EventJsonLd.WriteLanguages(json, text, p.Welsh is null ? null : p.TextFor(language.Other()));
            json.WriteString("datePublished", UkTime.Iso(published.PublishedAt));
            json.WriteString("dateModified", UkTime.Iso(modified < published.PublishedAt ? published.PublishedAt : modified));
            json.WriteString("mainEntityOfPage", url);
            json.WriteString("url", url);
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
            json.WriteString("name", Rendering.Localised.Get<SiteText>("SiteName", language));
            json.WriteString("url", options.Url(language.Localise(SitePaths.Home)));
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
