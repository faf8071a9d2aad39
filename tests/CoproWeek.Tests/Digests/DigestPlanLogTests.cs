using CoproWeek.Hub.Digests;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Tests.Digests;

public sealed class DigestPlanLogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_run_that_plans_logs_that_it_planned_and_only_a_second_fire_logs_that_it_already_was()
    {
        var logs = new CapturedLogs();
        await using var hub = await DigestHarness.StartAsync(azurite, sendGrid: null, services => services.AddSingleton<ILoggerProvider>(logs));
        await hub.PublishAsync(3);
        await hub.SeedAsync(DigestHarness.People(3));

        await hub.PlanWeeklyAsync(DigestHarness.Monday.AddSeconds(1));
        var first = Planner(logs);
        logs.Records.Clear();
        await hub.PlanWeeklyAsync(DigestHarness.Monday.AddMinutes(5));
        var second = Planner(logs);

        Assert.Contains(first, m => m.Contains("planned: 1 batches, ", StringComparison.Ordinal));
        Assert.DoesNotContain(first, m => m.Contains("already", StringComparison.Ordinal));
        Assert.EndsWith("was already planned; nothing to do", Assert.Single(second));
    }

    [Fact]
    public async Task A_run_with_nothing_published_in_its_window_logs_that_it_planned_no_batches()
    {
        var logs = new CapturedLogs();
        await using var hub = await DigestHarness.StartAsync(azurite, sendGrid: null, services => services.AddSingleton<ILoggerProvider>(logs));
        await hub.SeedAsync(DigestHarness.People(3));

        await hub.PlanWeeklyAsync(DigestHarness.Monday.AddSeconds(1));

        var planner = Planner(logs);
        Assert.Contains(planner, m => m.EndsWith("planned: nothing was published in its window, so no batches", StringComparison.Ordinal));
        Assert.DoesNotContain(planner, m => m.Contains("already", StringComparison.Ordinal));
    }

    private static List<string> Planner(CapturedLogs logs) =>
        logs.Records.Where(r => r.Category == typeof(PlanDigest).FullName).Select(r => r.Message).ToList();
}
