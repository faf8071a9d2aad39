using CoproWeek.Hub;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Host.Queues;

/// <summary>Runs a <see cref="QueueListener"/> for every queue trigger in <see cref="Triggers.All"/> that is not switched off.</summary>
public sealed class QueueListeners(
    HubStorage storage,
    FunctionCatalog catalog,
    QueueListenerOptions options,
    IServiceScopeFactory scopes,
    QueueActivity activity,
    IConfiguration configuration,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FunctionSwitches.Enabled(Triggers.All.OfType<QueueTriggerDefinition>(), configuration, loggers.CreateLogger<QueueListeners>())
            .Select(t => Create(t).RunAsync(stoppingToken)));

    public QueueListener Create(QueueTriggerDefinition trigger) => new(
        trigger.Name,
        storage.Queue(trigger.Queue),
        storage.Queue(trigger.Queue + Triggers.Queues.PoisonSuffix),
        catalog.QueueFunction(trigger.Name),
        options,
        scopes,
        activity,
        trigger.Queue,
        time,
        loggers.CreateLogger($"Function.{trigger.Name}"));
}
