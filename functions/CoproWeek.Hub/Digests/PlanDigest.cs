using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Digests;

/// <summary>
/// Plans one digest run per schedule occurrence. The run row is inserted only if absent (a double fire plans
/// once) and holds a cursor over subscriber ids: each batch is the key range (cursor, upper], written to the run
/// row before its ledger rows, so a resumed or concurrent planner rebuilds exactly the same batch and no
/// subscriber can fall into two batches. Subscribers are read one page at a time.
/// </summary>
public sealed class PlanDigest(
    DigestRuns runs,
    PublishedItems published,
    SubscriberStore subscribers,
    QueueSender queues,
    SiteWriter site,
    IOptions<SiteOptions> siteOptions,
    IOptions<DigestOptions> options,
    IConfiguration configuration,
    ILogger<PlanDigest> logger)
{
    public Task PlanWeeklyAsync(TimerTick tick, CancellationToken cancellationToken) =>
        PlanAsync("weekly", Triggers.Schedules.WeeklyDigest, TimeSpan.FromDays(7), tick, cancellationToken);

    public Task PlanDailyAsync(TimerTick tick, CancellationToken cancellationToken) =>
        PlanAsync("daily", Triggers.Schedules.DailyDigest, TimeSpan.FromDays(1), tick, cancellationToken);

    private async Task PlanAsync(string frequency, string schedule, TimeSpan period, TimerTick tick, CancellationToken cancellationToken)
    {
        var occurrence = Schedules.LatestOccurrence(Schedules.Resolve(schedule, configuration), tick.Now, period + TimeSpan.FromDays(1)) ?? tick.Now;
        var runId = DigestRuns.RunId(frequency, occurrence);
        var run = await runs.GetRunAsync(frequency, runId, cancellationToken) ?? await StartRunAsync(frequency, runId, occurrence, period, cancellationToken);
        if (run.Status == DigestRunStatus.Planned)
        {
            logger.LogInformation("Digest run {RunId} was already planned; nothing to do", runId);
            return;
        }

        while (run.Status != DigestRunStatus.Planned)
        {
            try
            {
                run = await StepAsync(frequency, run, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another planner moved the run on; carry on from where it is now.
                run = await runs.GetRunAsync(frequency, runId, cancellationToken) ?? throw new InvalidOperationException($"Run {runId} vanished.");
                if (run.Status == DigestRunStatus.Planned)
                {
                    logger.LogInformation("Digest run {RunId} was finished planning by another planner (a double fire)", runId);
                }
            }
        }
    }

    private async Task<DigestRun> StartRunAsync(string frequency, string runId, DateTimeOffset occurrence, TimeSpan period, CancellationToken cancellationToken)
    {
        // The window starts where the previous run of this frequency ended.
        var from = occurrence - period;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DigestRuns.RunPartition(frequency)} and RowKey lt {runId}");
        await foreach (var previous in runs.Digests.QueryRowsAsync<DigestRun>(filter, cancellationToken, select: ["RowKey", "To"]))
        {
            from = previous.To; // rows come in key order, so the last one is the latest run
        }
        var run = new DigestRun { Frequency = frequency, Id = runId, From = from, To = occurrence, Status = DigestRunStatus.Planning };
        try
        {
            await runs.Digests.AddEntityAsync(run.ToEntity(), cancellationToken);
            logger.LogInformation("Digest run {RunId} started for {From} to {To}", runId, from, occurrence);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same occurrence fired twice; the first insert owns the window.
        }
        return await runs.GetRunAsync(frequency, runId, cancellationToken) ?? throw new InvalidOperationException($"Run {runId} vanished.");
    }

    /// <summary>Does one step and returns the run row as it now stands (with its new ETag).</summary>
    private async Task<DigestRun> StepAsync(string frequency, DigestRun run, CancellationToken cancellationToken)
    {
        var runId = run.Id;
        if (!run.ItemsWritten)
        {
            var items = await published.ListAsync(run.From, run.To, cancellationToken);
            await runs.WriteItemsAsync(runId, items, cancellationToken);
            if (items.Count > 0)
            {
                // The web copy every digest of the run links to ("view in your browser"), in English and in Welsh under cy/:
                // written again if a planner stops here.
                foreach (var language in Languages.All)
                {
                    var page = await DigestContent.WebCopyAsync(runId, frequency, items, siteOptions.Value, run.To, language);
                    await site.WriteAsync(new SiteFile(DigestContent.WebCopyPath(runId, language), EventSite.HtmlType, page), cancellationToken);
                }
            }
            var written = await MergeAsync(run with { ItemsWritten = true, Items = items.Count,
                Status = items.Count == 0 ? DigestRunStatus.Planned : DigestRunStatus.Planning }, cancellationToken);
            if (items.Count == 0)
            {
                logger.LogInformation("Digest run {RunId} planned: nothing was published in its window, so no batches", runId);
            }
            return written;
        }

        var cursor = run.Cursor;
        var upper = run.PendingUpper is { Length: > 0 } pending ? pending : null;
        var batch = run.NextBatch;
        var size = options.Value.BatchSize;
        if (upper is null)
        {
            // Find where the next batch ends; the batch is claimed by writing its range before anything else.
            var ends = await ActiveIdsAsync(frequency, cursor, null, size, cancellationToken);
            if (ends.Count == 0)
            {
                var planned = await MergeAsync(run with { Status = DigestRunStatus.Planned }, cancellationToken);
                logger.LogInformation("Digest run {RunId} planned: {Batches} batches, {Planned} subscribers", runId, batch, run.Planned);
                return planned;
            }
            return await MergeAsync(run with { PendingUpper = ends[^1] }, cancellationToken);
        }

        var ids = await ActiveIdsAsync(frequency, cursor, upper, int.MaxValue, cancellationToken);
        var partition = DigestRuns.LedgerPartition(runId, batch);
        // Merge with keys only: a row already marked sending or sent by a batch keeps its status.
        var writes = ids.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new DigestLedgerEntry(partition, id).ToEntity())).ToList();
        foreach (var chunk in writes.Chunk(100))
        {
            await runs.Ledger.SubmitTransactionAsync(chunk, cancellationToken);
        }
        await queues.SendAsync(Triggers.Queues.Digest, new DigestBatchMessage(runId, frequency, batch), cancellationToken);
        return await MergeAsync(run with { Cursor = upper, PendingUpper = "", NextBatch = batch + 1, Planned = run.Planned + ids.Count }, cancellationToken);
    }

    /// <summary>Ids of active subscribers of a frequency with cursor &lt; id (&lt;= upper), in key order, at most <paramref name="max"/>.</summary>
    private async Task<List<string>> ActiveIdsAsync(string frequency, string cursor, string? upper, int max, CancellationToken cancellationToken)
    {
        var filter = upper is null
            ? TableClient.CreateQueryFilter($"PartitionKey gt {cursor} and Status eq {SubscriberStatus.Active} and Frequency eq {frequency}")
            : TableClient.CreateQueryFilter($"PartitionKey gt {cursor} and PartitionKey le {upper} and Status eq {SubscriberStatus.Active} and Frequency eq {frequency}");
        var ids = new List<string>();
        await foreach (var row in subscribers.Subscribers.QueryRowsAsync<Subscriber>(filter, cancellationToken, select: ["PartitionKey"], maxPerPage: Math.Min(max, 1000)))
        {
            ids.Add(row.Id);
            if (ids.Count >= max)
            {
                break;
            }
        }
        return ids;
    }

    /// <summary>Writes the changed run row if nobody else wrote it since it was read; returns it with its new ETag.</summary>
    private async Task<DigestRun> MergeAsync(DigestRun changed, CancellationToken cancellationToken)
    {
        var response = await runs.Digests.UpdateEntityAsync(changed.ToEntity(), changed.ETag, TableUpdateMode.Merge, cancellationToken);
        return changed with { ETag = response.Headers.ETag ?? throw new InvalidOperationException("No ETag on the run row update.") };
    }
}
