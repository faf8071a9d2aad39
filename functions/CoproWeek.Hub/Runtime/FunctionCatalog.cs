using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
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
public sealed partial class FunctionCatalog
{
    /// <summary>The Hub type and method a function calls, so that a test can hold the Functions adapter to the same calls.</summary>
    public sealed record Binding(Type Handler, string Method);

    public delegate Task<IResult> HttpInvoker(IServiceProvider services, HttpRequest request, CancellationToken cancellationToken);
    public delegate Task QueueInvoker(IServiceProvider services, BinaryData message, CancellationToken cancellationToken);
    public delegate Task TimerInvoker(IServiceProvider services, TimerTick tick, CancellationToken cancellationToken);

    private readonly Dictionary<string, HttpInvoker> _http = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, QueueInvoker> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TimerInvoker> _timers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Binding> _bindings = new(StringComparer.OrdinalIgnoreCase);

    public FunctionCatalog Http<THandler>(string name, Func<THandler, HttpRequest, CancellationToken, Task<IResult>> invoke,
        [CallerArgumentExpression(nameof(invoke))] string call = "")
        where THandler : notnull
    {
        Expect<HttpTriggerDefinition>(name);
        Bind<THandler>(name, call);
        _http.Add(name, (services, request, ct) => invoke(services.GetRequiredService<THandler>(), request, ct));
        return this;
    }

    public FunctionCatalog Queue<THandler, TMessage>(string name, Func<THandler, TMessage, CancellationToken, Task> invoke,
        [CallerArgumentExpression(nameof(invoke))] string call = "")
        where THandler : notnull
    {
        Expect<QueueTriggerDefinition>(name);
        Bind<THandler>(name, call);
        _queues.Add(name, (services, message, ct) => invoke(services.GetRequiredService<THandler>(), HubJson.Deserialize<TMessage>(message), ct));
        return this;
    }

    public FunctionCatalog Timer<THandler>(string name, Func<THandler, TimerTick, CancellationToken, Task> invoke,
        [CallerArgumentExpression(nameof(invoke))] string call = "")
        where THandler : notnull
    {
        Expect<TimerTriggerDefinition>(name);
        Bind<THandler>(name, call);
        _timers.Add(name, (services, tick, ct) => invoke(services.GetRequiredService<THandler>(), tick, ct));
        return this;
    }

    public HttpInvoker HttpFunction(string name) => _http[name];
    public QueueInvoker QueueFunction(string name) => _queues[name];
    public TimerInvoker TimerFunction(string name) => _timers[name];
    public Binding BindingOf(string name) => _bindings[name];

    /// <summary>The triggers in the list with no handler bound, and the handlers bound to no trigger.</summary>
    public IReadOnlyList<string> Unbound() =>
        Triggers.All.Select(t => t.Name)
            .Where(n => !_http.ContainsKey(n) && !_queues.ContainsKey(n) && !_timers.ContainsKey(n))
            .ToList();

    // The call is the lambda's source text, "(h, req, ct) => h.HandleAsync(req, ct)": its method is the one called on h.
    private void Bind<THandler>(string name, string call) =>
        _bindings.Add(name, new Binding(typeof(THandler), CalledMethod().Match(call) is { Success: true } m ? m.Groups[1].Value : call));

    [GeneratedRegex(@"=>\s*\w+\.(\w+)\(")]
    private static partial Regex CalledMethod();

    private static void Expect<T>(string name) where T : TriggerDefinition
    {
        if (Triggers.Find(name) is not T)
        {
            throw new InvalidOperationException($"Trigger '{name}' is not a {typeof(T).Name}.");
        }
    }
}
