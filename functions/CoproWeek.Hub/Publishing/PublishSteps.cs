using System.Diagnostics.CodeAnalysis;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Publishing;

/// <summary>
/// What the publisher does alike for events, stories and supporters: it skips a message the site is already past, publishes
/// only the approved version, marks it live, leaves a tombstone when it comes down, and keeps the item's history (and the
/// take-down email) for a request that died after its write.
/// </summary>
internal static class PublishSteps
{
    /// <summary>
    /// Whether the site already holds this version or a later one, or the item's tombstone that this message does not
    /// restore: then the message changes nothing.
    /// </summary>
    public static bool SiteIsAhead([NotNullWhen(true)] SiteEntry? entry, PublishMessage message, Submission? submission) =>
        entry is not null && (entry.Version >= message.Version || (entry.Withdrawn && !PublishItem.Restores(message, submission)));

    /// <summary>Whether the message's version is still the approved (or live) one, so it may go on the site.</summary>
    public static bool IsApprovedVersion(PublishMessage message, [NotNullWhen(true)] Submission? submission) =>
        submission is not null && submission.Version == message.Version && submission.Status is SubmissionStatus.Approved or SubmissionStatus.Live;

    /// <summary>An approved item is live once its files are written (the stored status follows; a change meanwhile wins).</summary>
    public static async Task MarkLiveAsync(SubmissionStore submissions, Submission submission, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (submission.Status == SubmissionStatus.Approved)
        {
            await submissions.TryReplaceAsync(submission with { Status = SubmissionStatus.Live, Updated = now }, cancellationToken);
        }
    }

    /// <summary>
    /// Leaves the item's tombstone in the site index, so a late publish cannot bring it back; <paramref name="kind"/> is its
    /// partition ("post", "supporter"). Throws when another publish or withdrawal won, so the retry reads the site again.
    /// </summary>
    public static async Task WriteTombstoneAsync(SiteIndex index, string kind, PublishMessage message, SiteEntry? entry, string? slug, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var tombstone = new SiteEntry(message.Id, kind, message.Version, slug ?? "", entry?.PublicJson, entry?.PublishedAt ?? time.GetUtcNow(), Withdrawn: true, entry?.ETag ?? default);
        if (!await index.TryWriteAsync(tombstone, existed: entry is not null, cancellationToken))
        {
            throw new InvalidOperationException($"The site entry for {kind} {message.Id} changed while it was being withdrawn.");
        }
    }

    /// <summary>
    /// Keeps the item's history once it is off the site: a take-down as the moderator's decision, with the email to its contact
    /// sent from here only (its fixed id sends it once, whichever of the request and the publisher finishes it); a withdrawal
    /// as <paramref name="withdrawnBy"/>'s ("organiser", "author", "supporter"). The request logs both too; these copies are
    /// for a request that died after its write.
    /// </summary>
    public static async Task RecordTakenOffAsync(ModerationLog log, TakeDownNotice notice, Submission? submission, bool takenDown, string withdrawnBy,
        CancellationToken cancellationToken)
    {
        if (takenDown)
        {
            await log.AppendAsync(new LogEntry(submission!.Id, submission.Version, submission.DecidedBy ?? "", submission.Updated, TakeDownItem.TakenDownWord, submission.Reason), cancellationToken);
            await notice.SendAsync(submission, cancellationToken);
        }
        else if (submission is not null)
        {
            await log.AppendAsync(new LogEntry(submission.Id, submission.Version, withdrawnBy, submission.Updated, "withdrawn", null), cancellationToken);
        }
    }
}
