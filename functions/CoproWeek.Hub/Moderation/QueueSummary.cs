using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>How many items of each kind wait for a person, and since when the oldest has waited.</summary>
public sealed record QueueCounts(IReadOnlyDictionary<string, int> ByKind, DateTimeOffset? OldestSince)
{
    public int Total => ByKind.Values.Sum();
}

/// <summary>
/// Counts the review queue's partition (the waiting items only, two small columns each), whatever kinds it holds:
/// stories, events and any kind added later. Rows left behind by a crash are tidied by the queue's own reads.
/// </summary>
public sealed class QueueSummary(HubStorage storage)
{
    /// <summary>The kinds a moderator can filter the queue by, in the queue's words.</summary>
    public static readonly IReadOnlyList<(string Kind, string Plural)> Kinds = [("post", "Stories"), ("event", "Events"), ("report", "Reports"), (Supporters.SubmitSupporter.Kind, "Supporters")];

    public static bool IsKind(string? kind) => kind is not null && Kinds.Any(k => k.Kind == kind);

    public async Task<QueueCounts> CountAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? first = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReviewQueue.Partition}");
        await foreach (var row in storage.Table(HubStorage.TableNames.Submissions).QueryAsync<TableEntity>(filter, select: ["RowKey", "Kind"], cancellationToken: cancellationToken))
        {
            first ??= row.RowKey;
            var kind = row.GetString("Kind") ?? "";
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }
        // Row keys start with the submission time in ticks, oldest first.
        DateTimeOffset? oldest = first is not null && long.TryParse(first.Split('-')[0], out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        return new QueueCounts(counts, oldest);
    }

    /// <summary>"3 days", "5 hours", "12 minutes": how long something has waited, in words.</summary>
    public static string Age(DateTimeOffset since, DateTimeOffset now)
    {
        var age = now - since;
        return age.TotalDays >= 1 ? Plural((int)age.TotalDays, "day")
            : age.TotalHours >= 1 ? Plural((int)age.TotalHours, "hour")
            : Plural(Math.Max(1, (int)age.TotalMinutes), "minute");
    }

    private static string Plural(int n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")}";
}
