using System.Net;
using Azure;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Contacts;

/// <summary>
/// Submissions whose address was never confirmed: after <see cref="ContactOptions.ConfirmationLifetime"/> they go,
/// with their pictures and text files, the versions kept at earlier decisions, and the note that they were waiting.
/// Nobody has seen them. An unconfirmed edit of an item that is live on the site is the exception: the row stays (it is
/// what ties the live page to its manage link, withdrawal and take-down, and deleting it would leave a page nobody can
/// manage); only the waiting note goes, so the edit never goes out, and the site keeps showing the version a person or
/// the checks approved until the organiser edits again, withdraws it, or a moderator takes it down.
/// </summary>
public sealed class UnconfirmedSubmissions(
    ContactAddresses contacts,
    SubmissionStore submissions,
    PostBlobs files,
    Supporters.SupporterBlobs supporterFiles,
    HubStorage storage,
    Moderation.ItemFields versions,
    Publishing.SiteIndex site,
    IOptions<ContactOptions> options) : IExpirySweep
{
    public string Kind => "unconfirmed submissions";

    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var removed = 0;
        await foreach (var waiting in contacts.WaitingSinceBeforeAsync(now - options.Value.ConfirmationLifetime, cancellationToken))
        {
            var id = waiting.SubmissionId;
            if (await submissions.GetAsync(id, cancellationToken) is { Status: SubmissionStatus.AwaitingConfirmation } submission
                && await site.GetAsync(submission.Kind, id, cancellationToken) is not { Withdrawn: false })
            {
                // Files first: if the row then fails to go, the next clean-up finds it again.
                await files.DeleteAllAsync(id, cancellationToken);
                await supporterFiles.DeleteAllAsync(id, cancellationToken);
                await versions.DeleteVersionsAsync(id, cancellationToken);
                try
                {
                    await storage.Table(HubStorage.TableNames.Submissions).DeleteEntityAsync(id, id, submission.ETag, cancellationToken);
                    removed++;
                }
                catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
                {
                    continue; // confirmed or edited a moment ago: it is no longer ours to remove
                }
            }
            await contacts.RemoveWaitingAsync(waiting, cancellationToken);
        }
        return removed;
    }
}
