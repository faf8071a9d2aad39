using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Hub.Runtime;

/// <summary>What a timer function is told when it fires, as the Functions host's <c>TimerInfo</c> does.</summary>
public sealed record TimerTick(DateTimeOffset Now, bool IsPastDue);

/// <summary>
/// Binds each trigger in <see cref="Triggers"/> to the Hub method that handles it, so that the
/// self-host (and its admin API) can call any function by name. The Azure Functions adapter calls the
/// same methods directly from attribute-decorated functions.
/// </summary>
public sealed class FunctionCatalog
{
    public delegate Task<IResult> HttpInvoker(IServiceProvider services, HttpRequest request, CancellationToken cancellationToken);
    public delegate Task QueueInvoker(IServiceProvider services, BinaryData message, CancellationToken cancellationToken);
    public delegate Task TimerInvoker(IServiceProvider services, TimerTick tick, CancellationToken cancellationToken);

    private readonly Dictionary<string, HttpInvoker> _http = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, QueueInvoker> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TimerInvoker> _timers = new(StringComparer.OrdinalIgnoreCase);

    public FunctionCatalog Http<THandler>(string name, Func<THandler, HttpRequest, CancellationToken, Task<IResult>> invoke)
        where THandler : notnull
    {
        Expect<HttpTriggerDefinition>(name);
        _http.Add(name, (services, request, ct) => invoke(services.GetRequiredService<THandler>(), request, ct));
        return this;
    }

    public FunctionCatalog Queue<THandler, TMessage>(string name, Func<THandler, TMessage, CancellationToken, Task> invoke)
        where THandler : notnull
    {
        Expect<QueueTriggerDefinition>(name);
        _queues.Add(name, (services, message, ct) => invoke(services.GetRequiredService<THandler>(), HubJson.Deserialize<TMessage>(message), ct));
        return this;
    }

    public FunctionCatalog Timer<THandler>(string name, Func<THandler, TimerTick, CancellationToken, Task> invoke)
        where THandler : notnull
    {
        Expect<TimerTriggerDefinition>(name);
        _timers.Add(name, (services, tick, ct) => invoke(services.GetRequiredService<THandler>(), tick, ct));
        return this;
    }

    public HttpInvoker HttpFunction(string name) => _http[name];
    public QueueInvoker QueueFunction(string name) => _queues[name];
    public TimerInvoker TimerFunction(string name) => _timers[name];

    /// <summary>The triggers in the list with no handler bound, and the handlers bound to no trigger.</summary>
    public IReadOnlyList<string> Unbound() =>
        Triggers.All.Select(t => t.Name)
            .Where(n => !_http.ContainsKey(n) && !_queues.ContainsKey(n) && !_timers.ContainsKey(n))
            .ToList();

    private static void Expect<T>(string name) where T : TriggerDefinition
    {
        if (Triggers.Find(name) is not T)
        {
            throw new InvalidOperationException($"Trigger '{name}' is not a {typeof(T).Name}.");
        }
    }
}
