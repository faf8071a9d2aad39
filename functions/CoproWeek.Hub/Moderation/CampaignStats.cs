using Azure.Data.Tables;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>One bar of a chart: a value from a fixed list, its name, and how many live events have it.</summary>
public sealed record Bar(string Id, string Label, int Count);

/// <summary>The week at a glance, as the campaign team reports it to funders.</summary>
public sealed record CampaignFigures(
    int LiveEvents,
    IReadOnlyList<Bar> ByDay,
    IReadOnlyList<Bar> ByRegion,
    IReadOnlyList<Bar> ByFormat,
    IReadOnlyList<Bar> ByTopic,
    IReadOnlyList<Bar> ByAccessFeature,
    int ParticipantsPaid,
    int ExpensesCovered,
    int StoriesPublished,
    int ItemsWaiting,
    int ItemsReported,
    int Decided,
    TimeSpan? MedianToDecision,
    int DecidedByAPerson,
    TimeSpan? MedianToPersonDecision,
    int Supporters,
    long AccessRequests)
{
    public double ShareParticipantsPaid => LiveEvents == 0 ? 0 : (double)ParticipantsPaid / LiveEvents;
    public double ShareExpensesCovered => LiveEvents == 0 ? 0 : (double)ExpensesCovered / LiveEvents;
}

/// <summary>
/// Works out the campaign's figures from storage: live events and stories from the site index (one partition each),
/// items waiting from the review queue's partition, open reports, and the time from submission to first decision from
/// the ModerationLog joined with the items' submission times. <see cref="Compute"/> is pure, for tests and benchmarks.
/// </summary>
public sealed class CampaignStats(HubStorage storage, SiteIndex index, ReportStore reports, AccessRequests.AccessRequestCounts accessRequests)
{
    private static readonly string[] Decisions = ["approve", "reject", "request-changes"];

    public async Task<CampaignFigures> ReadAsync(CancellationToken cancellationToken)
    {
        var events = index.PublishedEventsAsync(cancellationToken);
        var stories = CountAsync(HubStorage.TableNames.SiteIndex, TableClient.CreateQueryFilter($"PartitionKey eq {"post"} and Withdrawn eq {false}"), cancellationToken);
        var waiting = CountAsync(HubStorage.TableNames.Submissions, TableClient.CreateQueryFilter($"PartitionKey eq {ReviewQueue.Partition}"), cancellationToken);
        var reported = reports.OpenAsync(cancellationToken);
        var decisions = DecisionTimesAsync(cancellationToken);
        var supporters = CountAsync(HubStorage.TableNames.SiteIndex, TableClient.CreateQueryFilter($"PartitionKey eq {Supporters.SubmitSupporter.Kind} and Withdrawn eq {false}"), cancellationToken);
        var asked = accessRequests.TotalAsync(cancellationToken);
        return Compute(await events, await stories, await waiting, (await reported).Count, await decisions, await supporters, await asked);
    }

    public static CampaignFigures Compute(IReadOnlyList<PublishedEvent> events, int stories, int waiting, int reported, IReadOnlyList<DecisionTime> decisions,
        int supporters = 0, long accessRequests = 0)
    {
        var days = new int[7];
        var regions = new Dictionary<string, int>(StringComparer.Ordinal);
        var formats = new Dictionary<string, int>(StringComparer.Ordinal);
        var topics = new Dictionary<string, int>(StringComparer.Ordinal);
        var access = new Dictionary<string, int>(StringComparer.Ordinal);
        int paid = 0, expenses = 0;
        foreach (var e in events)
        {
            var d = e.Details;
            days[((int)UkTime.ToUk(d.Start).DayOfWeek + 6) % 7]++;
            Add(regions, d.Region);
            Add(formats, d.Format);
            foreach (var topic in d.Topics.Distinct())
            {
                Add(topics, topic);
            }
            foreach (var need in d.Access.Needs())
            {
                Add(access, need);
            }
            paid += d.Coproduction.ParticipantsPaid ? 1 : 0;
            expenses += d.Coproduction.ExpensesCovered ? 1 : 0;
        }
        var dayNames = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
        var byPerson = decisions.Where(d => d.ByAPerson is not null).Select(d => d.ByAPerson!.Value - d.Submitted).ToList();
        return new CampaignFigures(
            events.Count,
            dayNames.Select((name, i) => new Bar(name.ToLowerInvariant(), name, days[i])).ToList(),
            Bars(Vocabulary.Regions, regions),
            Bars(Vocabulary.Formats, formats),
            Bars(Vocabulary.Topics, topics),
            Bars(Vocabulary.AccessNeeds, access),
            paid,
            expenses,
            stories,
            waiting,
            reported,
            decisions.Count,
            Median(decisions.Select(d => d.First - d.Submitted).ToList()),
            byPerson.Count,
            Median(byPerson),
            supporters,
            accessRequests);
    }

    /// <summary>The middle of the durations (the mean of the two middle ones for an even count); null for none.</summary>
    public static TimeSpan? Median(List<TimeSpan> durations)
    {
        if (durations.Count == 0)
        {
            return null;
        }
        durations.Sort();
        var middle = durations.Count / 2;
        return durations.Count % 2 == 1 ? durations[middle] : (durations[middle - 1] + durations[middle]) / 2;
    }

    private static IReadOnlyList<Bar> Bars(IReadOnlyList<Term> terms, Dictionary<string, int> counts) =>
        terms.Select(t => new Bar(t.Id, t.Name, counts.GetValueOrDefault(t.Id))).ToList();

    private static void Add(Dictionary<string, int> counts, string key)
    {
        if (key.Length > 0)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    private async Task<int> CountAsync(string table, string filter, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var page in storage.Table(table).QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            count += page.Values.Count;
        }
        return count;
    }

    /// <summary>For each decided item: when it was sent, its first decision, and its first decision by a person (not the automatic checks).</summary>
    private async Task<IReadOnlyList<DecisionTime>> DecisionTimesAsync(CancellationToken cancellationToken)
    {
        var first = new Dictionary<string, (DateTimeOffset First, DateTimeOffset? ByAPerson)>(StringComparer.Ordinal);
        var decided = string.Join(" or ", Decisions.Select(d => TableClient.CreateQueryFilter($"Decision eq {d}")));
        await foreach (var row in storage.Table(HubStorage.TableNames.ModerationLog).QueryAsync<TableEntity>(decided, select: ["PartitionKey", "When", "Who"], cancellationToken: cancellationToken))
        {
            var when = row.GetDateTimeOffset("When") ?? default;
            var person = row.GetString("Who") is { } who && who != ModerationLog.Auto ? when : (DateTimeOffset?)null;
            first[row.PartitionKey] = first.TryGetValue(row.PartitionKey, out var known)
                ? (when < known.First ? when : known.First, Earlier(known.ByAPerson, person))
                : (when, person);
        }
        var times = new List<DecisionTime>(first.Count);
        if (first.Count == 0)
        {
            return times;
        }
        // Only the items' own rows have a submission time: the review queue's, the duplicate index's and the reports' rows do not.
        var sent = TableClient.CreateQueryFilter($"Submitted ge {new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)}");
        await foreach (var row in storage.Table(HubStorage.TableNames.Submissions).QueryAsync<TableEntity>(sent, select: ["PartitionKey", "Submitted"], cancellationToken: cancellationToken))
        {
            if (first.TryGetValue(row.PartitionKey, out var decision) && row.GetDateTimeOffset("Submitted") is { } submitted)
            {
                times.Add(new DecisionTime(submitted, decision.First, decision.ByAPerson));
            }
        }
        return times;
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

/// <summary>When an item was sent, its first decision, and its first decision by a person (null if none yet).</summary>
public sealed record DecisionTime(DateTimeOffset Submitted, DateTimeOffset First, DateTimeOffset? ByAPerson);
