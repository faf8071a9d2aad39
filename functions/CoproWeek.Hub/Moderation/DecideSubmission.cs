using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Moderation;

/// <summary>What a moderator can decide about an item waiting for them.</summary>
public enum Decision
{
    Approve,
    Reject,
    RequestChanges,
}

/// <summary>How a moderator's decision went.</summary>
public enum DecisionOutcome
{
    Decided,
    NotFound,
    /// <summary>The author changed the item since the moderator read it (the version moved on).</summary>
    VersionChanged,
    /// <summary>The item is not waiting for a moderator: someone decided first, or it was withdrawn.</summary>
    NotWaiting,
    /// <summary>The decision does not fit the item's kind: a supporter cannot edit, so it is never sent back for changes.</summary>
    NotForThisKind,
}

/// <summary>
/// A moderator's decision on one version of an item: the status changes only if the item is still held at the
/// version the moderator read, by a write conditional on the row's ETag, so of two moderators deciding at once
/// exactly one wins. Then the decision is logged and its follow-up sent (publish, or an email to the author).
/// Before the write, a delayed message on the moderation queue is left as a safety net: if this process dies
/// between the write and the follow-up, the moderation function finishes it; if not, it finds nothing to do.
/// </summary>
public sealed class DecideSubmission(
    SubmissionStore submissions,
    DecisionFollowUp followUp,
    QueueSender queues,
    TimeProvider time,
    ILogger<DecideSubmission> logger)
{
    public const int LongestReason = 2000;

    /// <summary>The words the API takes and the log records.</summary>
    public static string Word(Decision decision) => decision switch
    {
        Decision.Approve => "approve",
        Decision.Reject => "reject",
        _ => "request-changes",
    };

    public static Decision? Parse(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "approve" => Decision.Approve,
        "reject" => Decision.Reject,
        "request-changes" => Decision.RequestChanges,
        _ => null,
    };

    /// <summary>Problems with the decision itself, by field; empty when it can be made.</summary>
    public static Dictionary<string, string[]> Check(string? decisionWord, string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        var decision = Parse(decisionWord);
        if (decision is null)
        {
            errors["decision"] = ["Choose approve, reject or request-changes."];
        }
        if (decision is Decision.Reject or Decision.RequestChanges && string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = [decision == Decision.Reject
                ? "Give a reason: the author is told why their item was not published."
                : "Say what to change: the author is told what you asked for."];
        }
        else if (reason?.Length > LongestReason)
        {
            errors["reason"] = [$"Keep the reason to {LongestReason} characters or fewer."];
        }
        return errors;
    }

    public async Task<(DecisionOutcome Outcome, Submission? Item)> DecideAsync(
        string id, int version, Decision decision, string? reason, string moderator, CancellationToken cancellationToken)
    {
        var submission = await submissions.GetAsync(id, cancellationToken);
        if (submission is null)
        {
            return (DecisionOutcome.NotFound, null);
        }
        if (submission.Version != version)
        {
            return (DecisionOutcome.VersionChanged, submission);
        }
        if (submission.Status != SubmissionStatus.Held)
        {
            return (DecisionOutcome.NotWaiting, submission);
        }
        if (decision == Decision.RequestChanges && !ModerationItems.ActionsOf(submission.Status, submission.Kind).Contains(Word(decision)))
        {
            return (DecisionOutcome.NotForThisKind, submission);
        }

        var now = time.GetUtcNow();
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await queues.SendAsync(Triggers.Queues.Moderation, new SubmissionMessage(id, version), cancellationToken, delay: QueueSender.SafetyNetDelay);
        var decided = submission with
        {
            DecidedBy = moderator,
            Status = decision switch
            {
                Decision.Approve => SubmissionStatus.Approved,
                Decision.Reject => SubmissionStatus.Rejected,
                _ => SubmissionStatus.ChangesRequested,
            },
            Reason = decision == Decision.Approve ? null : reason,
            Updated = now,
        };
        if (!await submissions.TryReplaceAsync(decided, cancellationToken))
        {
            // Someone else wrote first: another moderator, or the author with a new version.
            var current = await submissions.GetAsync(id, cancellationToken);
            return (current is not null && current.Version != version ? DecisionOutcome.VersionChanged : DecisionOutcome.NotWaiting, current);
        }

        await followUp.RunAsync(decided, cancellationToken);
        logger.LogInformation("A moderator {Decision} {ItemId} v{Version}", DecisionFollowUp.DecisionWord(decided.Status), id, version);
        return (DecisionOutcome.Decided, decided);
    }
}
