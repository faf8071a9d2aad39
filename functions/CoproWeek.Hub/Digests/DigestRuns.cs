using System.Globalization;
using Azure.Data.Tables;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Digests;

/// <summary>
/// Where digests keep their state. Table <c>Digests</c>: a run row (partition <c>run-{frequency}</c>, row key the
/// run id) and a row per batch (partition the run id, row key <c>b00000</c>). Table <c>DigestLedger</c>: one row
/// per run and subscriber, in one partition per batch. Blob <c>digests/{runId}.json</c>: the run's items.
/// </summary>
public sealed class DigestRuns(HubStorage storage)
{
    public TableClient Digests => storage.Table(HubStorage.TableNames.Digests);
    public TableClient Ledger => storage.Table(HubStorage.TableNames.DigestLedger);

    public static string RunPartition(string frequency) => "run-" + frequency;

    /// <summary>A run is named after its schedule occurrence, so a timer that fires twice names the same run.</summary>
    public static string RunId(string frequency, DateTimeOffset occurrence) =>
        frequency + "-" + occurrence.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string BatchKey(int batch) => "b" + batch.ToString("D5", CultureInfo.InvariantCulture);

    public static string LedgerPartition(string runId, int batch) => runId + "-" + BatchKey(batch);

    public Task<DigestRun?> GetRunAsync(string frequency, string runId, CancellationToken cancellationToken) =>
        Digests.GetRowAsync<DigestRun>(RunPartition(frequency), runId, cancellationToken);

    public async Task WriteItemsAsync(string runId, IReadOnlyList<PublishedItem> items, CancellationToken cancellationToken) =>
        await storage.Container(HubStorage.ContainerNames.Digests).GetBlobClient(runId + ".json")
            .UploadAsync(BinaryData.FromString(HubJson.Serialize(items)), overwrite: true, cancellationToken);

    public async Task<IReadOnlyList<PublishedItem>> ReadItemsAsync(string runId, CancellationToken cancellationToken)
    {
        var content = await storage.Container(HubStorage.ContainerNames.Digests).GetBlobClient(runId + ".json").DownloadContentAsync(cancellationToken);
        return HubJson.Deserialize<List<PublishedItem>>(content.Value.Content);
    }

    /// <summary>Sums the batch rows onto the run row, so it shows planned, sent, skipped, uncertain and failed counts.</summary>
    public async Task UpdateTotalsAsync(string frequency, string runId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            long sent = 0, skipped = 0, failed = 0, uncertain = 0, done = 0;
            await foreach (var batch in Digests.QueryRowsAsync<DigestBatch>(TableClient.CreateQueryFilter($"PartitionKey eq {runId}"), cancellationToken))
            {
                sent += batch.Sent ?? 0;
                skipped += batch.Skipped ?? 0;
                failed += batch.Failed ?? 0;
                uncertain += batch.Uncertain ?? 0;
                done += batch.Finished ? 1 : 0;
            }
            var run = await GetRunAsync(frequency, runId, cancellationToken);
            if (run is null)
            {
                return;
            }
            var totals = run with { Sent = sent, Skipped = skipped, Failed = failed, Uncertain = uncertain, BatchesDone = done };
            try
            {
                await Digests.UpdateEntityAsync(totals.ToEntity(), run.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (Azure.RequestFailedException e) when (e.Status == 412)
            {
                // Another batch or the planner wrote the run row meanwhile; add up again.
            }
        }
    }
}

/// <summary>
/// Tokens in a digest (unsubscribe, preferences) are <c>d.{ledger partition}.{subscriber id}~{secret}</c>:
/// their hashes live on the ledger row that recorded the digest, so every email gets fresh tokens
/// without a write per subscriber outside the batch's own partition.
/// </summary>
public static class DigestLinks
{
    public const string Prefix = "d.";

    public static string Locator(string ledgerPartition, string subscriberId) => Prefix + ledgerPartition + "." + subscriberId;

    public static bool TryParseLocator(string locator, out string partition, out string subscriberId)
    {
        partition = subscriberId = "";
        if (!locator.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = locator[Prefix.Length..].Split('.');
        if (parts.Length != 2 || parts[0].Length is 0 or > 80 || parts[1].Length != 64
            || !parts[0].All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !parts[1].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }
        (partition, subscriberId) = (parts[0], parts[1]);
        return true;
    }
}
