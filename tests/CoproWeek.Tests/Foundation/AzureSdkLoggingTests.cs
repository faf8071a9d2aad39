using System.Diagnostics.Tracing;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Tests.Foundation;

// The SDK's event sources belong to the whole process, so these run alone, after the classes that run in parallel.
[Collection(nameof(AzureSdkLoggingTests))]
public sealed class AzureSdkLoggingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task With_the_default_settings_the_sdk_is_heard_from_errors_up_and_never_formats_its_detailed_events()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var logging = hub.Services.GetServices<IHostedService>().OfType<AzureSdkLogging>().Single();

        Assert.Equal(EventLevel.Error, logging.Levels["Azure-Core"]);
        // Nobody in this process listens to the SDK's request and response events (Informational), so it formats no headers.
        var core = EventSource.GetSources().Single(s => s.Name == "Azure-Core");
        Assert.False(core.IsEnabled(EventLevel.Informational, EventKeywords.All));
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

    [Fact]
    public async Task An_sdk_event_source_that_appears_after_start_is_listened_to_at_its_own_categorys_level()
    {
        var logs = new CapturedLogs();
        await using var hub = new HubFactory(azurite,
            new Dictionary<string, string?> { ["Logging:LogLevel:Azure.CoproWeek.Late"] = "Warning" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = hub.CreateClient();
        var logging = hub.Services.GetServices<IHostedService>().OfType<AzureSdkLogging>().Single();

        using var late = new LateSource();
        late.Said("not shown");
        late.Warned("shown, with 404 in it");

        Assert.Equal(EventLevel.Warning, logging.Levels[LateSource.SourceName]);
        Assert.False(late.IsEnabled(EventLevel.Informational, EventKeywords.All));
        var record = Assert.Single(logs.Records, r => r.Category == "Azure.CoproWeek.Late");
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal("Late source warned: shown, with 404 in it", record.Message);
    }

    [EventSource(Name = SourceName)]
    private sealed class LateSource : EventSource
    {
        public const string SourceName = "Azure-CoproWeek-Late";

        [Event(1, Level = EventLevel.Informational, Message = "Late source said: {0}")]
        public void Said(string what) => WriteEvent(1, what);

        [Event(2, Level = EventLevel.Warning, Message = "Late source warned: {0}")]
        public void Warned(string what) => WriteEvent(2, what);
    }
}

[CollectionDefinition(nameof(AzureSdkLoggingTests), DisableParallelization = true)]
public sealed class AzureSdkLoggingCollection;
