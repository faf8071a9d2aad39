using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Storage;

/// <summary>
/// Passes the Azure SDK's own events (a request that failed, a retry, a credential problem) to the hub's logging:
/// event source <c>Azure-Core</c> as category <c>Azure.Core</c>, and so on. Each source is listened to only as
/// closely as its category's log level shows. The SDK writes an event only while someone listens at its level, and
/// from Informational down it formats every request's and response's headers; a listener that waits for every
/// level and lets the settings drop the events afterwards (as the generic Azure client registration's does) cost
/// each submission more processor time than the hub's own code.
/// </summary>
public sealed class AzureSdkLogging(ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private Listener? _listener;

    /// <summary>The level each Azure SDK event source is listened to at, by source name; absent when its category is off.</summary>
    public IReadOnlyDictionary<string, EventLevel> Levels => _listener?.Levels ?? new Dictionary<string, EventLevel>();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener ??= new Listener(loggerFactory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener?.Dispose();

    /// <summary>The most detailed event level a category shows, or null when it shows nothing.</summary>
    public static EventLevel? LevelShown(ILogger logger) =>
        logger.IsEnabled(LogLevel.Debug) ? EventLevel.Verbose
        : logger.IsEnabled(LogLevel.Information) ? EventLevel.Informational
        : logger.IsEnabled(LogLevel.Warning) ? EventLevel.Warning
        : logger.IsEnabled(LogLevel.Error) ? EventLevel.Error
        : logger.IsEnabled(LogLevel.Critical) ? EventLevel.Critical
        : null;

    private sealed class Listener : EventListener
    {
        private const string SourcePrefix = "Azure-";

        // Field initialisers run before the base constructor, which already reports the sources that exist.
        private readonly Lock _gate = new();
        private readonly Queue<EventSource> _early = new();
        private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, EventLevel> _levels = new(StringComparer.Ordinal);
        private readonly ILoggerFactory? _loggerFactory;

        public Listener(ILoggerFactory loggerFactory)
        {
            List<EventSource> early;
            lock (_gate)
            {
                _loggerFactory = loggerFactory;
                early = [.. _early];
                _early.Clear();
            }
            foreach (var source in early)
            {
                Listen(source);
            }
        }

        public IReadOnlyDictionary<string, EventLevel> Levels => _levels;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (!eventSource.Name.StartsWith(SourcePrefix, StringComparison.Ordinal))
            {
                return;
            }
            lock (_gate)
            {
                if (_loggerFactory is null)
                {
                    _early.Enqueue(eventSource);
                    return;
                }
            }
            Listen(eventSource);
        }

        private void Listen(EventSource source)
        {
            if (LevelShown(LoggerFor(source)) is { } level)
            {
                _levels[source.Name] = level;
                EnableEvents(source, level);
            }
        }

        private ILogger LoggerFor(EventSource source) =>
            _loggers.GetOrAdd(source.Name, name => _loggerFactory!.CreateLogger(name.Replace('-', '.')));

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventSource is null || _loggerFactory is null)
            {
                return;
            }
            var level = e.Level switch
            {
                EventLevel.Critical => LogLevel.Critical,
                EventLevel.Error => LogLevel.Error,
                EventLevel.Warning => LogLevel.Warning,
                EventLevel.Informational or EventLevel.LogAlways => LogLevel.Information,
                _ => LogLevel.Debug,
            };
            var logger = LoggerFor(e.EventSource);
            if (logger.IsEnabled(level))
            {
#pragma warning disable CA1848 // The level is the event's own, so one cached LoggerMessage per level would be needed for no gain.
                logger.Log(level, new EventId(e.EventId, e.EventName), "{AzureSdkEvent}", Format(e));
#pragma warning restore CA1848
            }
        }

        private static string Format(EventWrittenEventArgs e)
        {
            // Request and response bodies (at Verbose) come as bytes; show them as the text they carry.
            var payload = e.Payload?.Select(p => p is byte[] bytes ? Encoding.UTF8.GetString(bytes) : p).ToArray() ?? [];
            if (e.Message is { Length: > 0 } message)
            {
                try
                {
                    return string.Format(CultureInfo.InvariantCulture, message, payload);
                }
                catch (FormatException)
                {
                    // Fall through to the names and values.
                }
            }
            var names = e.PayloadNames ?? [];
            return $"{e.EventName}: " + string.Join(", ", names.Select((name, i) => $"{name}={(i < payload.Length ? payload[i] : null)}"));
        }
    }
}
