using Azure.Data.Tables;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Digests;

/// <summary>
/// Sends one batch of a digest run. The batch's ledger rows decide who is still owed it: rows are marked
/// "sending" (conditional on their ETags, in transactions of up to 100), SendGrid is called once for the
/// whole batch, then rows are marked "sent". A redelivered message skips sent rows; rows left "sending" by a
/// crash are the one ambiguous case (SendGrid may have taken them) and are marked "uncertain", never resent.
/// </summary>
public sealed class SendDigestBatch(
    DigestRuns runs,
    SubscriberStore subscribers,
    DigestDelivery delivery,
    HubStorage storage,
    IOptions<DigestOptions> options,
    IOptions<SiteOptions> site,
    ILogger<SendDigestBatch> logger)
{
    private sealed record Recipient(DigestLedgerEntry Row, Subscriber Subscriber, IReadOnlyList<int> Items);

    public async Task HandleAsync(DigestBatchMessage message, CancellationToken cancellationToken)
    {
        var batchKey = DigestRuns.BatchKey(message.Batch);
        var existing = await runs.Digests.GetRowAsync<DigestBatch>(message.RunId, batchKey, cancellationToken);
        if (existing is { Finished: true })
        {
            logger.LogInformation("Digest batch {RunId}/{Batch} already finished; nothing to do", message.RunId, message.Batch);
            return;
        }
        var attempts = (existing?.Attempts ?? 0) + 1;
        await runs.Digests.UpsertEntityAsync(new DigestBatch(message.RunId, batchKey) { Attempts = attempts }.ToEntity(), TableUpdateMode.Merge, cancellationToken);

        Outcome outcome;
        try
        {
            outcome = await SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (attempts >= options.Value.MaxBatchAttempts || e is DigestRefusedException))
        {
            await GiveUpAsync(message, batchKey, attempts, e, cancellationToken);
            return;
        }
        await runs.Digests.UpsertEntityAsync(new DigestBatch(message.RunId, batchKey)
        {
            Status = DigestBatchStatus.Done, Sent = outcome.Sent, Skipped = outcome.Skipped, Uncertain = outcome.Uncertain, Failed = 0,
        }.ToEntity(), TableUpdateMode.Merge, cancellationToken);
        await runs.UpdateTotalsAsync(message.Frequency, message.RunId, cancellationToken);
        logger.LogInformation("Digest batch {RunId}/{Batch} done: {Sent} sent, {Skipped} with nothing new or no longer subscribed, {Uncertain} uncertain",
            message.RunId, message.Batch, outcome.Sent, outcome.Skipped, outcome.Uncertain);
    }

    private sealed record Outcome(int Sent, int Skipped, int Uncertain);

    private async Task<Outcome> SendAsync(DigestBatchMessage message, CancellationToken cancellationToken)
    {
        var items = await runs.ReadItemsAsync(message.RunId, cancellationToken);
        var partition = DigestRuns.LedgerPartition(message.RunId, message.Batch);
        var rows = new List<DigestLedgerEntry>();
        await foreach (var row in runs.Ledger.QueryRowsAsync<DigestLedgerEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken))
        {
            rows.Add(row);
        }
        var sent = rows.Count(r => r.Status == LedgerStatus.Sent);

        // Rows a crashed delivery left "sending" may or may not have reached SendGrid: never send them again.
        var stranded = rows.Where(r => r.Status == LedgerStatus.Sending).ToList();
        if (stranded.Count > 0)
        {
            logger.LogWarning("Digest batch {RunId}/{Batch}: {Count} recipients were being sent when a delivery stopped; SendGrid may have them, so they are marked uncertain and not sent again",
                message.RunId, message.Batch, stranded.Count);
            await MarkAsync(stranded, LedgerStatus.Uncertain, conditional: true, null, cancellationToken);
        }
        var uncertain = rows.Count(r => r.Status == LedgerStatus.Uncertain) + stranded.Count;

        var owed = rows.Where(r => r.Owed).ToList();
        var loaded = new Subscriber?[owed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, owed.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => loaded[i] = await subscribers.GetAsync(owed[i].SubscriberId, ct));

        var recipients = new List<Recipient>();
        var skipped = new List<DigestLedgerEntry>();
        for (var i = 0; i < owed.Count; i++)
        {
            var subscriber = loaded[i];
            var matching = subscriber is { Status: SubscriberStatus.Active } && subscriber.Frequency == message.Frequency
                ? Enumerable.Range(0, items.Count).Where(n => DigestMatching.Matches(items[n], subscriber.RegionList, subscriber.TopicList)).ToList()
                : [];
            if (matching.Count == 0)
            {
                skipped.Add(owed[i]);
            }
            else
            {
                recipients.Add(new Recipient(owed[i], subscriber!, matching));
            }
        }
        await MarkAsync(skipped, LedgerStatus.Skipped, conditional: true, null, cancellationToken);
        var skippedBefore = rows.Count(r => r.Status == LedgerStatus.Skipped);

        // One SendGrid request carries one frame, so each request's recipients read the same language. The claim, the
        // send and the marks stay per request as before: a redelivery skips what was sent, whichever language it was.
        foreach (var chunk in recipients.GroupBy(r => SubscriberLanguage.Of(r.Subscriber.Language)).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Chunk(1000)))
        {
            sent += await SendChunkAsync(message, partition, items, chunk, cancellationToken);
        }
        return new Outcome(sent, skipped.Count + skippedBefore, uncertain);
    }

    private async Task<int> SendChunkAsync(DigestBatchMessage message, string partition, IReadOnlyList<PublishedItem> items, Recipient[] chunk, CancellationToken cancellationToken)
    {
        var letters = new List<DigestLetter>(chunk.Length);
        var hashes = new Dictionary<string, (string Unsubscribe, string Preferences)>(chunk.Length);
        foreach (var r in chunk)
        {
            var locator = DigestLinks.Locator(partition, r.Subscriber.Id);
            var unsubscribe = Tokens.Create(TokenPurposes.Unsubscribe, locator);
            var preferences = Tokens.Create(TokenPurposes.Preferences, locator);
            hashes[r.Row.SubscriberId] = (unsubscribe.Hash, preferences.Hash);
            letters.Add(new DigestLetter(r.Subscriber.Email, r.Items,
                site.Value.Api(Triggers.Routes.Unsubscribe) + "?token=" + Uri.EscapeDataString(unsubscribe.Token),
                site.Value.Api(Triggers.Routes.SubscriptionPreferences) + "?token=" + Uri.EscapeDataString(preferences.Token),
                r.Subscriber.RegionList, r.Subscriber.TopicList, SubscriberLanguage.Of(r.Subscriber.Language)));
        }

        // The claim: a second delivery of the same batch running now fails here on the ETags and backs off.
        var rows = chunk.Select(r => r.Row).ToList();
        await ClaimAsync(rows, row => hashes[row.SubscriberId], cancellationToken);

        DeliveryResult result;
        try
        {
            result = await delivery.DeliverAsync(message, items, letters, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Digest batch {RunId}/{Batch}: the SendGrid call ended without an answer; its {Count} recipients stay 'sending' and will be marked uncertain",
                message.RunId, message.Batch, rows.Count);
            throw;
        }

        if (result.Accepted)
        {
            await MarkAsync(rows, LedgerStatus.Sent, conditional: false, null, cancellationToken);
            return rows.Count;
        }
        // SendGrid answered and refused: nobody got it, so the rows are owed again.
        await MarkAsync(rows, LedgerStatus.Owed, conditional: false, null, cancellationToken);
        throw result.Permanent
            ? new DigestRefusedException($"SendGrid refused digest batch {message.RunId}/{message.Batch}: {result.Error}")
            : new DigestDeliveryException($"SendGrid did not take digest batch {message.RunId}/{message.Batch}: {result.Error}");
    }

    /// <summary>
    /// Marks the rows "sending", one transaction after another in key order, each conditional on the rows' ETags.
    /// Two deliveries racing meet on the first transaction, so the loser holds nothing; should a later one fail
    /// anyway, the rows this delivery already marked are handed back before it gives way.
    /// </summary>
    private async Task ClaimAsync(IReadOnlyList<DigestLedgerEntry> rows, Func<DigestLedgerEntry, (string Unsubscribe, string Preferences)> tokens, CancellationToken cancellationToken)
    {
        var claimed = new List<DigestLedgerEntry>();
        foreach (var chunk in rows.Chunk(100))
        {
            try
            {
                await MarkAsync(chunk, LedgerStatus.Sending, conditional: true, tokens, cancellationToken);
            }
            catch (Azure.RequestFailedException e) when (e.Status is 412 or 409 or 400)
            {
                await MarkAsync(claimed, LedgerStatus.Owed, conditional: false, null, cancellationToken);
                throw new DigestDeliveryException($"Another delivery is sending this batch ({e.ErrorCode}).");
            }
            claimed.AddRange(chunk);
        }
    }

    /// <summary>Sets the status of ledger rows in transactions of up to 100, conditional on each row's ETag when asked.</summary>
    private async Task MarkAsync(IReadOnlyList<DigestLedgerEntry> rows, string status, bool conditional,
        Func<DigestLedgerEntry, (string Unsubscribe, string Preferences)>? tokens, CancellationToken cancellationToken)
    {
        var actions = rows.Select(row =>
        {
            var change = new DigestLedgerEntry(row.Partition, row.SubscriberId) { Status = status };
            if (tokens is not null)
            {
                var (unsubscribe, preferences) = tokens(row);
                change = change with { UnsubscribeHash = unsubscribe, PreferencesHash = preferences };
            }
            return new TableTransactionAction(TableTransactionActionType.UpdateMerge, change.ToEntity(), conditional ? row.ETag : Azure.ETag.All);
        }).ToList();
        await Task.WhenAll(actions.Chunk(100).Select(chunk => runs.Ledger.SubmitTransactionAsync(chunk, cancellationToken)));
    }

    private async Task GiveUpAsync(DigestBatchMessage message, string batchKey, int attempts, Exception error, CancellationToken cancellationToken)
    {
        var partition = DigestRuns.LedgerPartition(message.RunId, message.Batch);
        var failed = 0;
        await foreach (var row in runs.Ledger.QueryRowsAsync<DigestLedgerEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken, select: ["Status"]))
        {
            failed += row.Owed ? 1 : 0;
        }
        await storage.Queue(Triggers.Queues.Digest + Triggers.Queues.PoisonSuffix).SendMessageAsync(
            HubJson.Serialize(new { message.RunId, message.Frequency, message.Batch, attempts, error = error.Message }), cancellationToken);
        await runs.Digests.UpsertEntityAsync(new DigestBatch(message.RunId, batchKey)
        {
            Status = DigestBatchStatus.Failed, Failed = failed, Error = error.Message.Length > 2000 ? error.Message[..2000] : error.Message,
        }.ToEntity(), TableUpdateMode.Merge, cancellationToken);
        await runs.UpdateTotalsAsync(message.Frequency, message.RunId, cancellationToken);
        logger.LogError(error, "Digest batch {RunId}/{Batch} failed {Attempts} times; {Failed} recipients not sent; moved to the poison queue",
            message.RunId, message.Batch, attempts, failed);
    }
}

/// <summary>Where a subscriber stands in one run.</summary>
public static class LedgerStatus
{
    public const string Owed = "owed";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Skipped = "skipped";
    public const string Uncertain = "uncertain";
}

/// <summary>SendGrid could not take a digest batch just now; the queue tries it again.</summary>
public sealed class DigestDeliveryException(string message) : Exception(message);

/// <summary>SendGrid refused a digest batch outright; trying again would not help.</summary>
public sealed class DigestRefusedException(string message) : Exception(message);
