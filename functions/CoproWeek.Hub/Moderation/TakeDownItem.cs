using CoproWeek.Hub.Email;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Moderation;

/// <summary>How a take-down or a restore went.</summary>
public enum TakeDownOutcome
{
    Done,
    NotFound,
    /// <summary>The item changed since the moderator read it.</summary>
    VersionChanged,
    /// <summary>Take-down: the item is not live. Restore: it was not taken down.</summary>
    NotPossible,
}

/// <summary>
/// Told each time a moderator takes an item down (registered with <c>services.AddSingleton&lt;IItemTakenDown, ...&gt;()</c>),
/// for example to close the public's reports about it. Called after the take-down is written and logged.
/// </summary>
public interface IItemTakenDown
{
    Task TakenDownAsync(Submission item, string moderator, CancellationToken cancellationToken);
}

/// <summary>
/// A moderator takes a live event or story off the site, with a reason, or puts a taken-down one back. Both write the
/// next version conditionally on the row's ETag (so nobody acts on something that changed under them) and send the
/// publisher a message, with a delayed copy first as the safety net. The publisher replaces the page with a short
/// "taken down" page (410 Gone), drops the item from every list, feed and calendar, and emails the organiser or author;
/// a restore re-publishes the item at its new version. Both are logged, as "taken-down" and "restored", never as the
/// organiser's own "withdrawn".
/// </summary>
public sealed class TakeDownItem(
    SubmissionStore submissions,
    SiteIndex site,
    ModerationLog log,
    ReviewQueue review,
    IEnumerable<IItemTakenDown> listeners,
    TimeProvider time,
    ILogger<TakeDownItem> logger)
{
    public const string TakenDownWord = "taken-down";
    public const string RestoredWord = "restored";

    /// <summary>Problems with a take-down's reason, by field; empty when it will do.</summary>
    public static Dictionary<string, string[]> CheckReason(string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["Give a reason: the organiser or author is told why it was taken down."];
        }
        else if (reason.Length > DecideSubmission.LongestReason)
        {
            errors["reason"] = [$"Keep the reason to {DecideSubmission.LongestReason} characters or fewer."];
        }
        return errors;
    }

    /// <summary>Whether an item in this status can be taken down: it is on the site, or about to be.</summary>
    public static bool CanTakeDown(SubmissionStatus status) => status is SubmissionStatus.Live or SubmissionStatus.Approved;

    /// <summary>
    /// Whether the item can be taken down: it is live or about to be, or an earlier version is still on the site while
    /// a change waits, whatever it waits for (checks, a person, the organiser, or a new address to be confirmed).
    /// </summary>
    public async Task<bool> CanTakeDownAsync(Submission item, CancellationToken cancellationToken) =>
        CanTakeDown(item.Status)
        || (item.Status is not (SubmissionStatus.Withdrawn or SubmissionStatus.TakenDown)
            && await site.GetAsync(item.Kind, item.Id, cancellationToken) is { Withdrawn: false });

    /// <summary>Takes the item down at the version the moderator read. Anyone can call this (the reports, too).</summary>
    public async Task<(TakeDownOutcome Outcome, Submission? Item)> TakeDownAsync(string id, int version, string reason, string moderator, CancellationToken cancellationToken)
    {
        var onSite = await submissions.GetAsync(id, cancellationToken) is { } found && await CanTakeDownAsync(found, cancellationToken);
        var (outcome, item) = await ChangeAsync(id, version, moderator, status => CanTakeDown(status) || onSite, s => s with { Status = SubmissionStatus.TakenDown, Reason = reason.Trim() },
            withdraw: true, cancellationToken);
        if (outcome == TakeDownOutcome.Done)
        {
            await log.AppendAsync(new LogEntry(id, item!.Version, moderator, item.Updated, TakenDownWord, item.Reason), cancellationToken);
            foreach (var listener in listeners)
            {
                await listener.TakenDownAsync(item, moderator, cancellationToken);
            }
            logger.LogInformation("A moderator took down {ItemId} at v{Version}", id, item.Version);
        }
        return (outcome, item);
    }

    /// <summary>What the log says of a restore that went back to the review queue rather than onto the site.</summary>
    public const string RestoredForReview =
        "Put back for review: it was taken down with a change nobody had reviewed, so a person decides before that change goes on the site.";

    /// <summary>
    /// Puts a taken-down item back, as a new version: on the site when the details it holds are the ones that were
    /// approved (by the checks or a person) or put back before; otherwise, when it was taken down with a change waiting
    /// (held, sent back, not yet checked, or waiting for a new address to be confirmed), back in the review queue as held,
    /// so that a person decides on that change and nothing unreviewed goes on the site. Check the answer's status.
    /// </summary>
    public async Task<(TakeDownOutcome Outcome, Submission? Item)> RestoreAsync(string id, int version, string moderator, CancellationToken cancellationToken)
    {
        // Decisions keep the version; a take-down adds one. So the details were reviewed if the version before the take-down
        // was approved or restored.
        var reviewed = (await log.HistoryAsync(id, cancellationToken))
            .Any(h => h.Version == version - 1 && h.Decision is "approved" or RestoredWord);
        if (!reviewed && await submissions.GetAsync(id, cancellationToken) is { Status: SubmissionStatus.TakenDown } current && current.Version == version)
        {
            // In the queue before the row says held: an entry for an item that is not held is dropped by the queue's reader.
            await review.AddAsync(current, cancellationToken);
        }
        var (outcome, item) = await ChangeAsync(id, version, moderator, status => status == SubmissionStatus.TakenDown,
            s => s with { Status = reviewed ? SubmissionStatus.Approved : SubmissionStatus.Held, Reason = null }, withdraw: false, cancellationToken, publish: reviewed);
        if (outcome == TakeDownOutcome.Done)
        {
            if (!reviewed)
            {
                // Again, now that it is held: a queue read between the two writes may have tidied the first entry away.
                await review.AddAsync(item!, cancellationToken);
            }
            await log.AppendAsync(new LogEntry(id, item!.Version, moderator, item.Updated, RestoredWord, reviewed ? null : RestoredForReview), cancellationToken);
            logger.LogInformation("A moderator restored {ItemId} at v{Version}{ForReview}", id, item.Version, reviewed ? "" : ", for review");
        }
        return (outcome, item);
    }

    private async Task<(TakeDownOutcome, Submission?)> ChangeAsync(string id, int version, string moderator, Func<SubmissionStatus, bool> allowed,
        Func<Submission, Submission> change, bool withdraw, CancellationToken cancellationToken, bool publish = true)
    {
        var submission = await submissions.GetAsync(id, cancellationToken);
        if (submission is null)
        {
            return (TakeDownOutcome.NotFound, null);
        }
        if (submission.Version != version)
        {
            return (TakeDownOutcome.VersionChanged, submission);
        }
        if (!allowed(submission.Status))
        {
            return (TakeDownOutcome.NotPossible, submission);
        }
        var changed = change(submission) with { Version = submission.Version + 1, DecidedBy = moderator, Updated = time.GetUtcNow() };
        if (!(publish
            ? await submissions.TryReplaceThenSendAsync(changed, Triggers.Queues.Publish, new PublishMessage(id, changed.Version, Withdraw: withdraw), cancellationToken)
            : await submissions.TryReplaceAsync(changed, cancellationToken)))
        {
            var current = await submissions.GetAsync(id, cancellationToken);
            return (current is not null && current.Version != version ? TakeDownOutcome.VersionChanged : TakeDownOutcome.NotPossible, current);
        }
        return (TakeDownOutcome.Done, changed);
    }

    /// <summary>
    /// What the organiser or author is told when a moderator takes their item down: the moderator's reason, quoted, and
    /// what they can do about it, in the language they sent it in. One email per take-down (its id is fixed by item and version).
    /// </summary>
    public static Task<EmailMessage> EmailAsync(Submission takenDown, DateTimeOffset now)
    {
        var language = takenDown.ReplyLanguage;
        var (title, name) = DecisionEmails.Read(takenDown, language);
        var thing = EmailWords.Thing(takenDown.Kind, language);
        var where = EmailWords.Get(takenDown.Kind is "post" or Supporters.SubmitSupporter.Kind ? "Where." + takenDown.Kind : "Where.event", language);
        return Letters.ToEmailAsync($"{takenDown.Kind}-{takenDown.Id}-v{takenDown.Version}-taken-down", takenDown.ContactEmail, new Letter
        {
            Language = language,
            Subject = EmailWords.Get("TakeDown.Subject", language, thing, title),
            Heading = EmailWords.Get("TakeDown.Heading", language, thing),
            Greeting = EmailWords.Greeting(name, language),
            Opening = [EmailWords.Get("TakeDown.Opening", language, title, where)],
            Reason = new Quote(EmailWords.Get("Heading.WhatTeamSaid", language), takenDown.Reason ?? ""),
            Next = new Section(EmailWords.Get("Heading.WhatYouCanDo", language), [
                EmailWords.Get("TakeDown.Next1", language),
                EmailWords.Get("TakeDown.Next2", language, thing),
            ]),
        }, now, $"{takenDown.Kind}-taken-down");
    }
}
