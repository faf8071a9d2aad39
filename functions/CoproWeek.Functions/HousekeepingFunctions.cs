using CoproWeek.Hub;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Runtime;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class HousekeepingFunctions(CleanUpExpired cleanUp)
{
    [Function(nameof(Triggers.CleanUpExpired))]
    public Task CleanUpExpired(
        [TimerTrigger(Triggers.Schedules.CleanUp)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        cleanUp.HandleAsync(new TimerTick(DateTimeOffset.UtcNow, timer.IsPastDue), cancellationToken);
}
