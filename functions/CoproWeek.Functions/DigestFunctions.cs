using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Runtime;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class DigestFunctions(PlanDigest plan, SendDigestBatch sendBatch)
{
    [Function(nameof(Triggers.PlanWeeklyDigest))]
    public Task PlanWeeklyDigest(
        [TimerTrigger(Triggers.Schedules.WeeklyDigest)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        plan.PlanWeeklyAsync(new TimerTick(DateTimeOffset.UtcNow, timer.IsPastDue), cancellationToken);

    [Function(nameof(Triggers.PlanDailyDigest))]
    public Task PlanDailyDigest(
        [TimerTrigger(Triggers.Schedules.DailyDigest)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        plan.PlanDailyAsync(new TimerTick(DateTimeOffset.UtcNow, timer.IsPastDue), cancellationToken);

    [Function(nameof(Triggers.SendDigestBatch))]
    public Task SendDigestBatch(
        [QueueTrigger(Triggers.Queues.Digest)] DigestBatchMessage message,
        CancellationToken cancellationToken) =>
        sendBatch.HandleAsync(message, cancellationToken);
}
