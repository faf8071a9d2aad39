using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// A row of table <c>Suppression</c>: partition and row key the address hash, the reason (SendGrid's event type, such
/// as <c>bounce</c> or <c>unsubscribe</c>, or <c>erased</c>) and when it was suppressed.
/// </summary>
internal sealed record SuppressionRow(string Id) : ITableRow<SuppressionRow>
{
    public string? Reason { get; init; }
    public DateTimeOffset? At { get; init; }

    public TableEntity ToEntity() => new TableEntity(Id, Id).With((nameof(Reason), Reason), (nameof(At), At));

    public static SuppressionRow FromEntity(TableEntity e) => new(e.PartitionKey ?? "")
    {
        Reason = e.GetString(nameof(Reason)),
        At = e.GetDateTimeOffset(nameof(At)),
    };
}
