using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Site.Forms;
using CoproWeek.Hub.Moderation.ReportPages;
using Microsoft.AspNetCore.Components;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// The public's report form, its thanks page and the page for an item that is not on the site, in the reader's
/// language (components in <c>ReportPages/</c>). No JavaScript. Private pages: not indexed, no referrer.
/// </summary>
internal static class ReportPageHtml
{
    private static readonly string[] Fields = ["reason", "details", "email"];

    public static string Form(SiteOptions site, LiveItem item, EventFormValues? sent, IReadOnlyDictionary<string, string[]>? errors, Language language = Language.English) =>
        Render<ReportForm>(site, language, "?item=" + Uri.EscapeDataString(item.Id), new()
        {
            [nameof(ReportForm.Item)] = item,
            [nameof(ReportForm.State)] = new FormState(sent ?? EventFormValues.Empty, new FormErrors(errors, Fields), new HashSet<string> { "reason" }),
        });

    public static string Thanks(SiteOptions site, LiveItem item, Language language = Language.English) =>
        Render<ReportThanks>(site, language, "?item=" + Uri.EscapeDataString(item.Id), new() { [nameof(ReportThanks.Item)] = item });

    public static string NotLive(SiteOptions site, Language language = Language.English) =>
        Render<ReportNotLive>(site, language, "", new());

    /// <summary>The item's public page, in the reader's language.</summary>
    public static string PublicUrl(SiteOptions site, LiveItem item, Language language = Language.English) =>
        site.Url(language.Localise(item.Kind == "post" ? PostPaths.Page(item.Slug) : SitePaths.EventPage(item.Slug)));

    private static string Render<TPage>(SiteOptions site, Language language, string query, Dictionary<string, object?> parameters) where TPage : IComponent
    {
        parameters["Options"] = site;
        parameters["Language"] = language;
        parameters["Head"] = new PageHead { Private = true, Translation = PageTranslation.OfApi(site, language, Triggers.Routes.NewReport, query) };
        return ComponentRenderer.Shared.Render<TPage>(parameters, language);
    }
}
