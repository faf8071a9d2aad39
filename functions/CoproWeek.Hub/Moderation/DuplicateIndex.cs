using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// Finds likely duplicates without scanning: each event is filed under a hash of its duplicate key
/// (one partition per key in the Submissions table), so a check reads one small partition.
/// </summary>
public sealed class DuplicateIndex(HubStorage storage, SubmissionStore submissions)
{
    private TableClient Table => storage.Table(HubStorage.TableNames.Submissions);

    /// <summary>Files this event under its key, and says whether another live or waiting event shares it.</summary>
    /// <remarks>Only events submitted earlier count, so of two twins the first goes through and the second waits.</remarks>
    public async Task<bool> FileAndCheckAsync(Submission submission, EventDetails details, CancellationToken cancellationToken)
    {
        var id = submission.Id;
        var key = EventChecks.DuplicateKey(details);
        var partition = "dup-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        await Table.UpsertEntityAsync(new DuplicateEntry(partition, id).ToEntity(), TableUpdateMode.Replace, cancellationToken);

        await foreach (var row in Table.QueryRowsAsync<DuplicateEntry>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken, select: ["RowKey"]))
        {
            if (row.ItemId == id)
            {
                continue;
            }
            var other = await submissions.GetAsync(row.ItemId, cancellationToken);
            if (other is { Kind: "event", Status: not (SubmissionStatus.Withdrawn or SubmissionStatus.Rejected or SubmissionStatus.Discarded) }
                && (other.Submitted, other.Id).CompareTo((submission.Submitted, submission.Id)) < 0
                && EventChecks.DuplicateKey(HubJson.Deserialize<EventDetails>(other.DetailsJson)) == key)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>An event filed under its duplicate key: partition <c>dup-</c> and 32 hex digits of table <c>Submissions</c>, row key the event's id. Keys only.</summary>
public sealed record DuplicateEntry(string Partition, string ItemId) : ITableRow<DuplicateEntry>
{
    public TableEntity ToEntity() => new(Partition, ItemId);

    public static DuplicateEntry FromEntity(TableEntity e) => new(e.PartitionKey ?? "", e.RowKey ?? "");
}
