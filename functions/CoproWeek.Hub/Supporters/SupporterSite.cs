using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Supporters;

/// <summary>The supporters' part of the public site as files for the publisher, beside <see cref="PostSite"/>.</summary>
public static class SupporterSite
{
    /// <summary>The supporters page, rebuilt with the other indexes.</summary>
    public static IReadOnlyList<SiteFile> Indexes(IReadOnlyCollection<PublishedSupporter> supporters, SiteOptions options) =>
        [.. Languages.All.Select(language => new SiteFile(language.Localise(SupporterPaths.List), EventSite.HtmlType, SupportersPage.Render(supporters, options, language)))];

    /// <summary>The pledge form and its thank-you page.</summary>
    public static IReadOnlyList<SiteFile> FixedFiles(SiteOptions options) =>
    [
        .. Languages.All.SelectMany(language => new SiteFile[]
        {
            new(language.Localise(SupporterPaths.Form), EventSite.HtmlType, SupportTheWeekPage.Render(options, language: language)),
            new(language.Localise(SupporterPaths.Thanks), EventSite.HtmlType, SupportTheWeekPage.Thanks(options, language)),
        }),
    ];

    public static IEnumerable<SitemapUrl> SitemapUrls(SiteOptions options) =>
        [SitemapUrl.OfSite(options, SupporterPaths.List), SitemapUrl.OfSite(options, SupporterPaths.Form)];
}
