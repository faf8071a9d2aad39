using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Http;

/// <summary>Where a request with an <c>Idempotency-Key</c> stands.</summary>
public static class IdempotencyState
{
    /// <summary>Claimed by a request that has not answered yet.</summary>
    public const string Pending = "pending";
    /// <summary>Answered: the row holds the answer to replay.</summary>
    public const string Done = "done";
}

/// <summary>
/// A row of table <c>Idempotency</c>: partition the keyed hash of route, key and submitter, row key <c>answer</c>.
/// The claim (body hash, item id, nonce, when it started and expires) and, once done, the answer to replay.
/// </summary>
internal sealed record IdempotencyEntry(string Partition) : ITableRow<IdempotencyEntry>
{
    public const string RowKey = "answer";

    public string? BodyHash { get; init; }
    public string? State { get; init; }
    public DateTimeOffset? Started { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public string? ItemId { get; init; }
    public string? Nonce { get; init; }
    public int? Status { get; init; }
    public string? ContentType { get; init; }
    public string? Body { get; init; }
    public string? Location { get; init; }
    public ETag ETag { get; init; }

    public TableEntity ToEntity() => new TableEntity(Partition, RowKey).With(
        (nameof(BodyHash), BodyHash), (nameof(State), State), (nameof(Started), Started), (nameof(Expires), Expires),
        (nameof(ItemId), ItemId), (nameof(Nonce), Nonce), (nameof(Status), Status), (nameof(ContentType), ContentType),
        (nameof(Body), Body), (nameof(Location), Location));

    public static IdempotencyEntry FromEntity(TableEntity e) => new(e.PartitionKey ?? "")
    {
        BodyHash = e.GetString(nameof(BodyHash)),
        State = e.GetString(nameof(State)),
        Started = e.GetDateTimeOffset(nameof(Started)),
        Expires = e.GetDateTimeOffset(nameof(Expires)),
        ItemId = e.GetString(nameof(ItemId)),
        Nonce = e.GetString(nameof(Nonce)),
        Status = e.GetInt32(nameof(Status)),
        ContentType = e.GetString(nameof(ContentType)),
        Body = e.GetString(nameof(Body)),
        Location = e.GetString(nameof(Location)),
        ETag = e.ETag,
    };
}
