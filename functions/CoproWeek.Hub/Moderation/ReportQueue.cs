using CoproWeek.Hub.Publishing;

namespace CoproWeek.Hub.Moderation;

/// <summary>A reported live item in the moderation queue: <c>kind: "report"</c>, what it is, how often and why it was reported.</summary>
public sealed record ReportQueueItem(string Id, string ItemKind, string Title, int Version, int Reports, IReadOnlyList<ReasonCount> Reasons, DateTimeOffset FirstReported);

/// <summary>
/// The reports part of the moderation queue: every live item with open reports, the most reported first. Reports
/// about an item that is no longer on the site (withdrawn by its organiser, or taken down) are tidied away here.
/// </summary>
public sealed class ReportQueue(ReportStore reports, SiteIndex index)
{
    public const string Kind = "report";

    public async Task<IReadOnlyList<ReportQueueItem>> ReadAsync(CancellationToken cancellationToken)
    {
        var open = await reports.OpenAsync(cancellationToken);
        var entries = await Task.WhenAll(open.Select(o => index.GetAsync(o.Kind, o.ItemId, cancellationToken)));
        var items = new List<ReportQueueItem>(open.Count);
        for (var i = 0; i < open.Count; i++)
        {
            if (entries[i] is { Withdrawn: false, PublicJson: { } json } entry)
            {
                items.Add(new ReportQueueItem(open[i].ItemId, open[i].Kind, SubmitReport.TitleOf(json), entry.Version, open[i].Count, open[i].Reasons, open[i].FirstAt));
            }
            else
            {
                await reports.ClearAsync(open[i].ItemId, cancellationToken);
            }
        }
        return items;
    }

    /// <summary>The queue's JSON for a reported item, beside the items waiting for a decision.</summary>
    public static object Json(ReportQueueItem item) => new
    {
        id = item.Id,
        kind = Kind,
        itemKind = item.ItemKind,
        title = item.Title,
        version = item.Version,
        reports = item.Reports,
        reasons = item.Reasons.Select(r => new { reason = r.Reason, count = r.Count }),
        firstReported = item.FirstReported,
    };
}
