using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Submissions;

/// <summary>Reads and writes submissions. Writes that race use the row's ETag: the loser gets false and nothing changes.</summary>
public sealed class SubmissionStore(HubStorage storage, QueueSender queues)
{
    private TableClient Table => storage.Table(HubStorage.TableNames.Submissions);

    public async Task<Submission?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            return null;
        }
        return await Table.GetRowAsync<Submission>(id, id, cancellationToken);
    }

    /// <summary>
    /// Adds a new submission. The same submission already there (same id and manage token: a retry with an
    /// Idempotency-Key taking over from an attempt that died after this write) is left as it is.
    /// </summary>
    public async Task InsertAsync(Submission submission, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(submission.ToEntity(), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            if (await GetAsync(submission.Id, cancellationToken) is not { } existing || existing.ManageTokenHash != submission.ManageTokenHash)
            {
                throw;
            }
        }
    }

    /// <summary>Replaces the row if it has not changed since it was read; false if someone else changed it first.</summary>
    public async Task<bool> TryReplaceAsync(Submission changed, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(changed.ToEntity(), changed.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>
    /// <see cref="TryReplaceAsync"/>, then the message that must follow the change. A copy of the message goes
    /// first, invisible for <see cref="QueueSender.SafetyNetDelay"/>: if this process dies after the write, the copy
    /// does the follow-up a minute later; if the write loses, the copy finds nothing to do.
    /// </summary>
    public async Task<bool> TryReplaceThenSendAsync<T>(Submission changed, string queue, T message, CancellationToken cancellationToken)
    {
        await queues.SendAsync(queue, message, cancellationToken, delay: QueueSender.SafetyNetDelay);
        if (!await TryReplaceAsync(changed, cancellationToken))
        {
            return false;
        }
        await queues.SendAsync(queue, message, cancellationToken);
        return true;
    }

    /// <summary>
    /// The submission behind a private manage link, if the request carries its token (<c>Authorization: Bearer</c>
    /// or <c>?token=</c>) for that kind and purpose. Anything else is null, so a wrong token and a missing item look alike.
    /// </summary>
    public async Task<Submission?> FindManagedAsync(Microsoft.AspNetCore.Http.HttpRequest request, string id, string kind, string purpose, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : request.Query["token"].ToString() is { Length: > 0 } query ? query : null;
        if (token is null || !IsId(id))
        {
            return null;
        }
        var submission = await GetAsync(id, cancellationToken);
        return submission is not null && submission.Kind == kind && Security.Tokens.Verify(purpose, token, submission.ManageTokenHash) ? submission : null;
    }

    /// <summary>Ids are 20 lower-case hex characters; anything else is not ours and is never looked up.</summary>
    public static bool IsId(string? id) => id is { Length: 20 } && id.All(char.IsAsciiHexDigitLower);

    public static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));
}
