using CoproWeek.Hub.Moderation.Pages;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>The moderators' view of one item's reports from the public, with the dismiss button (the component <c>ItemReportsPage</c>).</summary>
internal static class ReportsPageHtml
{
    public static string Item(SiteOptions site, ModeratorSession session, Submission item, LiveItem? onSite, IReadOnlyList<Report> reports) =>
        ComponentRenderer.Shared.Render<ItemReportsPage>(new Dictionary<string, object?>
        {
            ["Options"] = site, ["Session"] = session, ["Item"] = item, ["OnSite"] = onSite, ["Reports"] = reports,
        });
}
