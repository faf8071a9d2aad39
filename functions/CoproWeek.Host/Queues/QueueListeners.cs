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
    private readonly TaskCompletionSource<IReadOnlyDictionary<string, QueueListener>> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listeners = FunctionSwitches.Enabled(Triggers.All.OfType<QueueTriggerDefinition>(), configuration, loggers.CreateLogger<QueueListeners>())
            .ToDictionary(t => t.Name, Create, StringComparer.OrdinalIgnoreCase);
        _listening.TrySetResult(listeners);
        return Task.WhenAll(listeners.Values.Select(l => l.RunAsync(stoppingToken)));
    }

    /// <summary>The queue functions this host listens for (those not switched off), once the listeners have started.</summary>
    public async Task<IReadOnlyCollection<string>> ListeningAsync(CancellationToken cancellationToken) =>
        (await _listening.Task.WaitAsync(cancellationToken)).Keys.ToList();

    /// <summary>Completes when the function's listener finds its queue drained with nothing in hand (see <see cref="QueueListener.WhenIdleAsync"/>).</summary>
    public async Task WhenIdleAsync(string functionName, CancellationToken cancellationToken)
    {
        var listeners = await _listening.Task.WaitAsync(cancellationToken);
        if (!listeners.TryGetValue(functionName, out var listener))
        {
            throw new InvalidOperationException($"{functionName} is not listening in this host.");
        }
        await listener.WhenIdleAsync(cancellationToken);
    }

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
