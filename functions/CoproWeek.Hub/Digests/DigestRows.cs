using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Digests;

/// <summary>Where a digest run's planning stands.</summary>
public static class DigestRunStatus
{
    public const string Planning = "planning";
    public const string Planned = "planned";
}

/// <summary>How a digest batch ended; a batch still being sent has no status.</summary>
public static class DigestBatchStatus
{
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>
/// A run row of table <c>Digests</c>: partition <c>run-{frequency}</c>, row key the run id. The planner moves
/// <see cref="Cursor"/> on batch by batch; <see cref="DigestRuns.UpdateTotalsAsync"/> writes the totals.
/// </summary>
public sealed record DigestRun : ITableRow<DigestRun>
{
    public required string Frequency { get; init; }
    public required string Id { get; init; }
    public DateTimeOffset From { get; init; }
    public DateTimeOffset To { get; init; }
    public string Status { get; init; } = DigestRunStatus.Planning;
    /// <summary>The last subscriber id of the batches planned so far ("" before the first).</summary>
    public string Cursor { get; init; } = "";
    /// <summary>The last subscriber id of the batch being planned, claimed before its ledger rows are written ("" between batches).</summary>
    public string PendingUpper { get; init; } = "";
    public int NextBatch { get; init; }
    public long Planned { get; init; }
    public bool ItemsWritten { get; init; }
    public int? Items { get; init; }
    public long? Sent { get; init; }
    public long? Skipped { get; init; }
    public long? Failed { get; init; }
    public long? Uncertain { get; init; }
    public long? BatchesDone { get; init; }
    public ETag ETag { get; init; }

    public TableEntity ToEntity() => new TableEntity(DigestRuns.RunPartition(Frequency), Id).With(
        (nameof(Frequency), Frequency), (nameof(From), From), (nameof(To), To), (nameof(Status), Status),
        (nameof(Cursor), Cursor), (nameof(PendingUpper), PendingUpper), (nameof(NextBatch), NextBatch), (nameof(Planned), Planned),
        (nameof(ItemsWritten), ItemsWritten), (nameof(Items), Items),
        (nameof(Sent), Sent), (nameof(Skipped), Skipped), (nameof(Failed), Failed), (nameof(Uncertain), Uncertain), (nameof(BatchesDone), BatchesDone));

    public static DigestRun FromEntity(TableEntity e) => new()
    {
        Frequency = e.GetString(nameof(Frequency)) ?? "",
        Id = e.RowKey,
        From = e.GetDateTimeOffset(nameof(From)) ?? default,
        To = e.GetDateTimeOffset(nameof(To)) ?? default,
        Status = e.GetString(nameof(Status)) ?? DigestRunStatus.Planning,
        Cursor = e.GetString(nameof(Cursor)) ?? "",
        PendingUpper = e.GetString(nameof(PendingUpper)) ?? "",
        NextBatch = e.GetInt32(nameof(NextBatch)) ?? 0,
        Planned = e.GetInt64(nameof(Planned)) ?? 0,
        ItemsWritten = e.GetBoolean(nameof(ItemsWritten)) ?? false,
        Items = e.GetInt32(nameof(Items)),
        Sent = e.GetInt64(nameof(Sent)),
        Skipped = e.GetInt64(nameof(Skipped)),
        Failed = e.GetInt64(nameof(Failed)),
        Uncertain = e.GetInt64(nameof(Uncertain)),
        BatchesDone = e.GetInt64(nameof(BatchesDone)),
        ETag = e.ETag,
    };
}

/// <summary>
/// A batch row of table <c>Digests</c>: partition the run id, row key <see cref="DigestRuns.BatchKey"/>. Written by
/// merges of the properties set (a delivery counts its attempt, then records how the batch ended).
/// </summary>
public sealed record DigestBatch(string RunId, string Key) : ITableRow<DigestBatch>
{
    public int? Attempts { get; init; }
    /// <summary>A <see cref="DigestBatchStatus"/>, or null while the batch is being sent.</summary>
    public string? Status { get; init; }
    public int? Sent { get; init; }
    public int? Skipped { get; init; }
    public int? Uncertain { get; init; }
    public int? Failed { get; init; }
    public string? Error { get; init; }

    public bool Finished => Status is DigestBatchStatus.Done or DigestBatchStatus.Failed;

    public TableEntity ToEntity() => new TableEntity(RunId, Key).With(
        (nameof(Attempts), Attempts), (nameof(Status), Status), (nameof(Sent), Sent), (nameof(Skipped), Skipped),
        (nameof(Uncertain), Uncertain), (nameof(Failed), Failed), (nameof(Error), Error));

    public static DigestBatch FromEntity(TableEntity e) => new(e.PartitionKey ?? "", e.RowKey ?? "")
    {
        Attempts = e.GetInt32(nameof(Attempts)),
        Status = e.GetString(nameof(Status)),
        Sent = e.GetInt32(nameof(Sent)),
        Skipped = e.GetInt32(nameof(Skipped)),
        Uncertain = e.GetInt32(nameof(Uncertain)),
        Failed = e.GetInt32(nameof(Failed)),
        Error = e.GetString(nameof(Error)),
    };
}

/// <summary>
/// A row of table <c>DigestLedger</c>: one subscriber in one batch of a run (partition
/// <see cref="DigestRuns.LedgerPartition"/>, row key the subscriber id), with their <see cref="LedgerStatus"/>
/// (none yet: owed) and the hashes of the links their digest carried.
/// </summary>
public sealed record DigestLedgerEntry(string Partition, string SubscriberId) : ITableRow<DigestLedgerEntry>
{
    public string? Status { get; init; }
    public string? UnsubscribeHash { get; init; }
    public string? PreferencesHash { get; init; }
    public ETag ETag { get; init; }

    /// <summary>Not yet sent, skipped or claimed by a delivery.</summary>
    public bool Owed => Status is null or "" or LedgerStatus.Owed;

    public TableEntity ToEntity() => new TableEntity(Partition, SubscriberId).With(
        (nameof(Status), Status), (nameof(UnsubscribeHash), UnsubscribeHash), (nameof(PreferencesHash), PreferencesHash));

    public static DigestLedgerEntry FromEntity(TableEntity e) => new(e.PartitionKey ?? "", e.RowKey ?? "")
    {
        Status = e.GetString(nameof(Status)),
        UnsubscribeHash = e.GetString(nameof(UnsubscribeHash)),
        PreferencesHash = e.GetString(nameof(PreferencesHash)),
        ETag = e.ETag,
    };
}
