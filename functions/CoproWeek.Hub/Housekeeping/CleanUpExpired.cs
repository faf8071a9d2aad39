using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Housekeeping;

/// <summary>
/// The daily clean-up timer (<see cref="Triggers.Schedules.CleanUp"/>): runs every registered <see cref="IExpirySweep"/>
/// at the clock's time. One sweep failing does not stop the others; the run then fails as a whole, so it is seen.
/// </summary>
public sealed class CleanUpExpired(IEnumerable<IExpirySweep> sweeps, TimeProvider time, ILogger<CleanUpExpired> logger)
{
    public async Task HandleAsync(TimerTick tick, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var failures = new List<Exception>();
        foreach (var sweep in sweeps)
        {
            try
            {
                var removed = await sweep.SweepAsync(now, cancellationToken);
                logger.LogInformation("Clean-up removed {Removed} expired {Kind}", removed, sweep.Kind);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Clean-up of expired {Kind} failed; the other sweeps carry on", sweep.Kind);
                failures.Add(e);
            }
        }
        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} clean-up sweeps failed.", failures);
        }
    }
}

public static class HousekeepingRegistration
{
    /// <summary>The clean-up timer and the sweeps of the rows that expire today.</summary>
    public static IServiceCollection AddHousekeeping(this IServiceCollection services, FunctionCatalog catalog)
    {
        services.AddSingleton<CleanUpExpired>();
        services.AddExpirySweep<Idempotency>();
        services.AddExpirySweep<ExpiredSignInThrottles>();
        services.AddExpirySweep<ExpiredModeratorSessions>();
        services.AddExpirySweep<Contacts.UnconfirmedSubmissions>();
        services.AddExpirySweep<Limits.ExpiredClientCounts>();
        services.AddExpirySweep<Subscriptions.ExpiredEmailEvents>();
        catalog.Timer<CleanUpExpired>(Triggers.CleanUpExpired, (h, tick, ct) => h.HandleAsync(tick, ct));
        return services;
    }
}
