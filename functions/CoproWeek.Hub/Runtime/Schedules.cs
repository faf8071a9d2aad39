using Microsoft.Extensions.Configuration;
using NCrontab;

namespace CoproWeek.Hub.Runtime;

/// <summary>Reads timer schedules as the Functions host does: six-field NCrontab in UTC, <c>%Setting%</c> read from configuration.</summary>
public static class Schedules
{
    public static CrontabSchedule Resolve(string schedule, IConfiguration configuration)
    {
        var expression = schedule;
        string? setting = null;
        if (schedule.Length > 2 && schedule[0] == '%' && schedule[^1] == '%')
        {
            setting = schedule[1..^1];
            expression = configuration[setting]
                ?? throw new InvalidOperationException($"The timer schedule setting '{setting}' is missing.");
        }
        var parsed = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return parsed ?? throw new InvalidOperationException(
            $"The timer schedule {(setting is null ? "" : $"setting '{setting}' ")}'{expression}' is not a six-field NCrontab expression (seconds minutes hours day month weekday).");
    }

    /// <summary>The latest occurrence at or before <paramref name="now"/>, looking back at most <paramref name="lookBack"/>.</summary>
    public static DateTimeOffset? LatestOccurrence(CrontabSchedule schedule, DateTimeOffset now, TimeSpan lookBack)
    {
        var end = now.UtcDateTime.AddTicks(1);
        DateTime? latest = null;
        foreach (var occurrence in schedule.GetNextOccurrences(now.UtcDateTime - lookBack, end))
        {
            latest = occurrence;
        }
        return latest is null ? null : new DateTimeOffset(DateTime.SpecifyKind(latest.Value, DateTimeKind.Utc));
    }

    public static DateTimeOffset Next(CrontabSchedule schedule, DateTimeOffset after) =>
        new(DateTime.SpecifyKind(schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
}
