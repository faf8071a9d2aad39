using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// The items waiting for a person, oldest first: one row each in a single partition of the Submissions
/// table, keyed by submission time, so reading a page of the queue never scans the table.
/// </summary>
public sealed class ReviewQueue(HubStorage storage)
{
    public const string Partition = "review";

    private TableClient Table => storage.Table(HubStorage.TableNames.Submissions);

    public static string RowKeyOf(Submission submission) => $"{submission.Submitted.UtcTicks:D19}-{submission.Id}";

    public Task AddAsync(Submission submission, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new ReviewEntry(RowKeyOf(submission)) { ItemId = submission.Id, Kind = submission.Kind }.ToEntity(),
            TableUpdateMode.Replace, cancellationToken);

    public Task RemoveAsync(Submission submission, CancellationToken cancellationToken) =>
        RemoveRowAsync(RowKeyOf(submission), cancellationToken);

    internal async Task RemoveRowAsync(string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}

/// <summary>An item waiting for a person: partition <c>review</c> of table <c>Submissions</c>, row key <see cref="ReviewQueue.RowKeyOf"/>.</summary>
public sealed record ReviewEntry(string RowKey) : ITableRow<ReviewEntry>
{
    public string ItemId { get; init; } = "";
    public string? Kind { get; init; }

    public TableEntity ToEntity() => new TableEntity(ReviewQueue.Partition, RowKey).With((nameof(ItemId), ItemId), (nameof(Kind), Kind));

    public static ReviewEntry FromEntity(TableEntity e) => new(e.RowKey ?? "") { ItemId = e.GetString(nameof(ItemId)) ?? "", Kind = e.GetString(nameof(Kind)) };
}
