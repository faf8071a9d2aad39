using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Supporters;

/// <summary>The supporters' part of the public site as files for the publisher, beside <see cref="PostSite"/>.</summary>
public static class SupporterSite
{
    /// <summary>The supporters page, rebuilt with the other indexes.</summary>
    public static IReadOnlyList<SiteFile> Indexes(IReadOnlyCollection<PublishedSupporter> supporters, SiteOptions options) =>
        [new(SupporterPaths.List, EventSite.HtmlType, SupportersPage.Render(supporters, options))];

    /// <summary>The pledge form and its thank-you page.</summary>
    public static IReadOnlyList<SiteFile> FixedFiles(SiteOptions options) =>
    [
        new(SupporterPaths.Form, EventSite.HtmlType, SupportTheWeekPage.Render(options)),
        new(SupporterPaths.Thanks, EventSite.HtmlType, SupportTheWeekPage.Thanks(options)),
    ];

    public static IEnumerable<SitemapUrl> SitemapUrls(SiteOptions options) =>
        [new(options.Url(SupporterPaths.List)), new(options.Url(SupporterPaths.Form))];
}
