using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>Taking an item down answers every report about it: they leave the queue with the item.</summary>
public sealed class ReportsClosedOnTakeDown(ReportStore reports) : IItemTakenDown
{
    public Task TakenDownAsync(Submission item, string moderator, CancellationToken cancellationToken) =>
        reports.ClearAsync(item.Id, cancellationToken);
}
