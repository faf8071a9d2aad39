using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CoproWeek.Tests.Site;

/// <summary>Parses a rendered page and checks what every page of the site must get right.</summary>
internal static class PageChecks
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>One h1, a working skip link, landmarks, labelled fields, no script but JSON-LD, no event-handler attributes.</summary>
    /// <param name="lang">The page's language: <c>cy</c> for a Welsh page.</param>
    public static IHtmlDocument AssertSoundPage(string html, string lang = "en-GB")
    {
        var page = Parse(html);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.False(string.IsNullOrWhiteSpace(page.Title));

        var skip = page.QuerySelector("a.skip-link");
        Assert.NotNull(skip);
        var target = skip.GetAttribute("href")!;
        Assert.StartsWith("#", target);
        Assert.NotNull(page.GetElementById(target[1..]));
        Assert.Single(page.QuerySelectorAll("main"));
        Assert.NotNull(page.QuerySelector("header nav"));
        Assert.NotNull(page.QuerySelector("footer"));

        foreach (var field in page.QuerySelectorAll("input, select, textarea"))
        {
            if (field.GetAttribute("type") is "hidden" or "submit")
            {
                continue;
            }
            var id = field.Id;
            Assert.False(string.IsNullOrEmpty(id), $"A field has no id: {field.OuterHtml}");
            Assert.True(page.QuerySelectorAll("label").Any(l => l.GetAttribute("for") == id), $"No label for #{id}");
            foreach (var described in (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.NotNull(page.GetElementById(described));
            }
        }
        foreach (var script in page.QuerySelectorAll("script"))
        {
            Assert.Equal("application/ld+json", script.GetAttribute("type"));
        }
        foreach (var element in page.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";
}
