using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// What follows a moderation decision, whether the automatic checks or a moderator made it: the log entry, the
/// review queue, then the publish message or the email to the author. Every step is keyed by item, version and
/// decision, so running it again (a retried message, or the safety net a moderator's decision leaves on the
/// moderation queue) repeats nothing, and a crash part-way is finished by whichever runs next.
/// </summary>
public sealed class DecisionFollowUp(ReviewQueue review, ModerationLog log, ItemFields versions, QueueSender queues, TimeProvider time)
{
    /// <summary>The word the log records for a decision that leaves an item in <paramref name="status"/>, or null if none does.</summary>
    public static string? DecisionWord(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Approved => "approved",
        SubmissionStatus.Held => "held",
        SubmissionStatus.Rejected => "rejected",
        SubmissionStatus.ChangesRequested => "changes-requested",
        SubmissionStatus.Discarded => "discarded",
        _ => null,
    };

    public Task RunAsync(Submission decided, CancellationToken cancellationToken) => RunAsync(decided, null, cancellationToken);

    /// <param name="manageUrl">The submitter's private link, when the caller holds it, for the "live" email.</param>
    public async Task RunAsync(Submission decided, string? manageUrl, CancellationToken cancellationToken)
    {
        if (DecisionWord(decided.Status) is not { } word)
        {
            return; // received, live or withdrawn: no decision is waiting for its follow-up
        }
        // Kept so that a later version's page can say what changed since this decision.
        await versions.KeepVersionAsync(decided, cancellationToken);
        await log.AppendAsync(new LogEntry(decided.Id, decided.Version, decided.DecidedBy ?? ModerationLog.Auto, decided.Updated, word, decided.Reason), cancellationToken);
        var now = time.GetUtcNow();
        switch (decided.Status)
        {
            case SubmissionStatus.Approved:
                await review.RemoveAsync(decided, cancellationToken);
                await queues.SendAsync(Triggers.Queues.Publish, new PublishMessage(decided.Id, decided.Version, ManageUrl: manageUrl), cancellationToken);
                break;
            case SubmissionStatus.Held:
                await review.AddAsync(decided, cancellationToken);
                await queues.SendAsync(Triggers.Queues.Email,
                    await (decided.Kind == Supporters.SubmitSupporter.Kind ? Supporters.SupporterEmails.HeldAsync(decided, HubJson.Deserialize<Supporters.SupporterDetails>(decided.DetailsJson), now)
                    : decided.Kind == SubmitPost.Kind
                    ? PostEmails.HeldAsync(decided, HubJson.Deserialize<PostDetails>(decided.DetailsJson), now)
                    : EventEmails.HeldAsync(decided, HubJson.Deserialize<EventDetails>(decided.DetailsJson), now)), cancellationToken);
                break;
            case SubmissionStatus.Rejected:
                await review.RemoveAsync(decided, cancellationToken);
                await queues.SendAsync(Triggers.Queues.Email, await (decided.DecidedBy is null && decided.Kind != SubmitPost.Kind
                    ? EventEmails.RejectedAsync(decided, HubJson.Deserialize<EventDetails>(decided.DetailsJson), decided.Reason, now)
                    : DecisionEmails.RejectedAsync(decided, decided.Reason ?? "", now)), cancellationToken);
                break;
            case SubmissionStatus.ChangesRequested:
                await review.RemoveAsync(decided, cancellationToken);
                await queues.SendAsync(Triggers.Queues.Email, await DecisionEmails.ChangesRequestedAsync(decided, decided.Reason ?? "", now), cancellationToken);
                break;
        }
    }
}
