using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>One item waiting for a moderator, as the queue lists it.</summary>
public sealed record QueueItem(string Id, string Kind, string Title, int Version, DateTimeOffset Submitted, IReadOnlyList<Finding> Findings);

/// <summary>A page of the queue; <see cref="ContinuationToken"/> (opaque) fetches the next, and is null on the last.</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, string? ContinuationToken);

/// <summary>
/// Reads the items waiting for a person, oldest first: one page of <see cref="ReviewQueue"/>'s partition (never a
/// scan), then each item's own row by point reads in parallel. The storage SDK's continuation token is handed out
/// as it is, base64url-wrapped, so a later page starts where the last one ended without reading what came before.
/// </summary>
public sealed class ModerationQueue(HubStorage storage, SubmissionStore submissions, ReviewQueue review)
{
    public const int DefaultPageSize = 20;
    public const int LargestPageSize = 100;

    private TableClient Table => storage.Table(HubStorage.TableNames.Submissions);

    /// <summary>A page of the queue, or null if storage refused the continuation token (a forged or damaged one).</summary>
    public async Task<QueuePage?> ReadAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken, string? kind = null)
    {
        try
        {
            return await ReadPageAsync(pageSize, continuationToken, kind, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 400 && continuationToken is not null)
        {
            return null;
        }
    }

    private async Task<QueuePage> ReadPageAsync(int pageSize, string? continuationToken, string? kind, CancellationToken cancellationToken)
    {
        var filter = kind is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {ReviewQueue.Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {ReviewQueue.Partition} and Kind eq {kind}");
        var query = Table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: ["RowKey", nameof(ReviewEntry.ItemId)], cancellationToken: cancellationToken);
        await foreach (var page in query.AsPages(Unwrap(continuationToken), pageSize))
        {
            var rows = page.Values.Select(ReviewEntry.FromEntity).Select(r => (r.RowKey, Id: r.ItemId)).ToList();
            var found = await Task.WhenAll(rows.Select(r => submissions.GetAsync(r.Id, cancellationToken)));
            var items = new List<QueueItem>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var submission = found[i];
                if (submission is { Status: SubmissionStatus.Held })
                {
                    items.Add(new QueueItem(submission.Id, submission.Kind, TitleOf(submission), submission.Version, submission.Submitted, submission.Findings));
                }
                else if (submission is null or { Status: not (SubmissionStatus.Received or SubmissionStatus.Held) })
                {
                    // Withdrawn or decided without this row being removed (a crash, or a withdrawal while held): tidy it away.
                    await review.RemoveRowAsync(rows[i].RowKey, cancellationToken);
                }
            }
            return new QueuePage(items, Wrap(page.ContinuationToken));
        }
        return new QueuePage([], null);
    }

    /// <summary>Whether a token from a client is one we could have handed out.</summary>
    public static bool IsToken(string? token) => token is null || Unwrap(token) is not null;

    /// <summary>The title from an item's details (events and posts both store a <c>title</c>).</summary>
    public static string TitleOf(Submission submission)
    {
        try
        {
            using var document = JsonDocument.Parse(submission.DetailsJson);
            return document.RootElement.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                ? title.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string? Wrap(string? token) =>
        string.IsNullOrEmpty(token) ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Unwrap(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400)
        {
            return null;
        }
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(bytes, 0, length);
        // The SDK's token names the next partition and row; the query's filter keeps even a forged one inside "review".
        return text.Contains(' ', StringComparison.Ordinal) && text.All(c => c is >= ' ' and <= '~') ? text : null;
    }
}
