using System.Collections.Concurrent;
using CoproWeek.Host.Timers;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoproWeek.Tests.Foundation;

public sealed class TimerSchedulerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly IConfiguration NoSettings = new ConfigurationBuilder().Build();

    private static TimerScheduler Scheduler(HubStorage storage, string schedule, FunctionCatalog.TimerInvoker invoke) => new(
        "TestTimer",
        Schedules.Resolve(schedule, NoSettings),
        invoke,
        storage.Container(HubStorage.ContainerNames.Hosts),
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
        TimeProvider.System,
        NullLogger.Instance);

    [Fact]
    public async Task Two_hosts_on_one_storage_account_fire_each_occurrence_once()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var fired = new ConcurrentBag<(int Host, DateTimeOffset Occurrence)>();
        TimerScheduler Host(int n) => Scheduler(storage, "*/2 * * * * *", async (_, tick, ct) =>
        {
            fired.Add((n, tick.Now));
            await Task.Delay(300, ct); // hold the lease while the other host tries
        });

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(9));
        await Task.WhenAll(Host(1).RunAsync(stop.Token), Host(2).RunAsync(stop.Token));

        var byOccurrence = fired.GroupBy(f => f.Occurrence).ToList();
        Assert.True(byOccurrence.Count >= 3, $"expected at least 3 occurrences in 9 s, saw {byOccurrence.Count}");
        Assert.All(byOccurrence, g => Assert.Single(g));
    }

    [Fact]
    public async Task An_occurrence_missed_while_no_host_ran_fires_once_at_start_past_due()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var ticks = new ConcurrentBag<TimerTick>();
        TimerScheduler Host() => Scheduler(storage, "0 0 * * * *", (_, tick, _) => { ticks.Add(tick); return Task.CompletedTask; });
        var now = DateTimeOffset.UtcNow;
        var lastRun = now.AddHours(-3);
        await Host().WriteStatusAsync(new ScheduleStatus(lastRun, lastRun.AddHours(1), lastRun), CancellationToken.None);

        await Task.WhenAll(Host().CatchUpAsync(CancellationToken.None), Host().CatchUpAsync(CancellationToken.None));
        await Host().CatchUpAsync(CancellationToken.None);

        var tick = Assert.Single(ticks);
        Assert.True(tick.IsPastDue);
        Assert.True(tick.Now <= now && tick.Now > lastRun);
        var status = await Host().ReadStatusAsync(CancellationToken.None);
        Assert.NotNull(status);
        Assert.True(status.Next > now);
    }

    [Fact]
    public async Task A_first_start_records_the_schedule_without_firing()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var fired = 0;
        var scheduler = Scheduler(storage, "0 0 7 * * 1", (_, _, _) => { fired++; return Task.CompletedTask; });

        await scheduler.CatchUpAsync(CancellationToken.None);

        Assert.Equal(0, fired);
        Assert.NotNull(await scheduler.ReadStatusAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("0 0 7 * *")]
    [InlineData("every monday")]
    public void A_schedule_that_is_not_six_field_ncrontab_is_refused_with_its_setting_named(string expression)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DigestWeeklySchedule"] = expression }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => Schedules.Resolve("%DigestWeeklySchedule%", settings));
        Assert.Contains("DigestWeeklySchedule", error.Message);
    }
}
