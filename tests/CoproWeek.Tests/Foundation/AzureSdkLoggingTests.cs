using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Tests.Foundation;

[Collection(StorageCollection.Name)]
public sealed class AzureSdkLoggingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task With_the_default_settings_the_sdk_is_heard_from_errors_up_and_never_formats_its_detailed_events()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var logging = hub.Services.GetServices<IHostedService>().OfType<AzureSdkLogging>().Single();

        Assert.Equal(EventLevel.Error, logging.Levels["Azure-Core"]);
        // Nobody in this process listens to the SDK at its most detailed level, so it formats no headers.
        var core = EventSource.GetSources().Single(s => s.Name == "Azure-Core");
        Assert.False(core.IsEnabled(EventLevel.Verbose, EventKeywords.All));
        Assert.True(core.IsEnabled(EventLevel.Error, EventKeywords.All));
    }

    [Fact]
    public async Task A_failed_storage_request_reaches_the_hub_log_when_the_settings_show_sdk_warnings()
    {
        var logs = new CapturedLogs();
        await using var hub = new HubFactory(azurite,
            new Dictionary<string, string?> { ["Logging:LogLevel:Azure.Core"] = "Warning" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = hub.CreateClient();
        var table = hub.Storage.Table(HubStorage.TableNames.Submissions);

        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("no-such-row", "no-such-row"));

        Assert.Equal(404, missing.Status);
        Assert.Equal(EventLevel.Warning, hub.Services.GetServices<IHostedService>().OfType<AzureSdkLogging>().Single().Levels["Azure-Core"]);
        Assert.Contains(logs.Records, r => r.Category == "Azure.Core" && r.Level == LogLevel.Warning && r.Message.Contains("404", StringComparison.Ordinal));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Records { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Records.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
