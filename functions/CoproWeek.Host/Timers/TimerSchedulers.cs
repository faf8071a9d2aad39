using CoproWeek.Hub;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Host.Timers;

/// <summary>Runs a <see cref="TimerScheduler"/> for every timer trigger in <see cref="Triggers.All"/> that is not switched off.</summary>
public sealed class TimerSchedulers(
    HubStorage storage,
    FunctionCatalog catalog,
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FunctionSwitches.Enabled(Triggers.All.OfType<TimerTriggerDefinition>(), configuration, loggers.CreateLogger<TimerSchedulers>())
            .Select(t => Create(t).RunAsync(stoppingToken)));

    public TimerScheduler Create(TimerTriggerDefinition trigger) => new(
        trigger.Name,
        Schedules.Resolve(trigger.Schedule, configuration),
        catalog.TimerFunction(trigger.Name),
        storage.Container(HubStorage.ContainerNames.Hosts),
        scopes,
        time,
        loggers.CreateLogger($"Function.{trigger.Name}"));
}
