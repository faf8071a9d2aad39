using CoproWeek.Hub.Moderation.Pages;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Moderation;

/// <summary>The queue's counts and the kind it is filtered by (null: everything).</summary>
public sealed record QueueFilter(QueueCounts Counts, string? Kind, DateTimeOffset Now);

/// <summary>
/// The moderation pages (sign-in, the queue, one item with the decision form), rendered from the Razor components in
/// <c>Moderation/Pages</c> on the site's shared form components. English only; no JavaScript.
/// </summary>
internal static class ModerationPageHtml
{
    private static readonly string[] DecisionFields = ["decision", "reason"];

    public static string SignIn(SiteOptions site, string action, string? error) =>
        ComponentRenderer.Shared.Render<SignInPage>(new Dictionary<string, object?> { ["Options"] = site, ["Action"] = action, ["Error"] = error });

    public static string Queue(SiteOptions site, string pageUrl, ModeratorSession session, QueuePage page, string? notice, IReadOnlyList<ReportQueueItem> reported, QueueFilter filter) =>
        ComponentRenderer.Shared.Render<ModerationQueuePage>(new Dictionary<string, object?>
        {
            ["Options"] = site, ["PageUrl"] = pageUrl, ["Session"] = session, ["Page"] = page, ["NoticeText"] = notice, ["Reported"] = reported, ["Filter"] = filter,
        });

    public static string Item(SiteOptions site, string pageUrl, ModeratorSession session, ItemView view,
        IReadOnlyDictionary<string, string[]>? errors, string? notice, string? decision, string? reason) =>
        ComponentRenderer.Shared.Render<ModerationItemPage>(new Dictionary<string, object?>
        {
            ["Options"] = site, ["PageUrl"] = pageUrl, ["Session"] = session, ["View"] = view, ["Errors"] = new FormErrors(errors, DecisionFields),
            ["NoticeText"] = notice, ["Decision"] = decision, ["Reason"] = reason,
        });
}
