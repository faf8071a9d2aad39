using CoproWeek.Hub.Email;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// The moderation queue's handler: runs the automatic checks on one version of a submission and records
/// the decision. Idempotent: a stale or repeated message changes nothing, and a retry after a crash
/// finishes the follow-up (log, publish, email) of a decision already made, by the checks or by a moderator
/// (whose decision leaves a delayed message here as its safety net).
/// </summary>
public sealed class ModerateSubmission(
    SubmissionStore submissions,
    DuplicateIndex duplicates,
    DecisionFollowUp followUp,
    QueueSender queues,
    PostBlobs postBlobs,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<SiteOptions> site,
    ILogger<ModerateSubmission> logger)
{
    public async Task HandleAsync(SubmissionMessage message, CancellationToken cancellationToken)
    {
        var submission = await submissions.GetAsync(message.Id, cancellationToken);
        if (message.ReceiptManageUrl is { } manageUrl && submission is { Honeypot: false })
        {
            // First, whatever the checks make of it: the submitter hears we have it even if moderation keeps failing.
            await queues.SendAsync(Triggers.Queues.Email, await ReceiptAsync(submission, message.Version, manageUrl, cancellationToken), cancellationToken);
        }
        if (submission is null || submission.Version != message.Version)
        {
            logger.LogInformation("Moderation of {ItemId} v{Version} skipped: a newer version exists", message.Id, message.Version);
            return;
        }
        if (submission.Status == SubmissionStatus.Received)
        {
            var decided = await DecideAsync(submission, cancellationToken);
            if (decided is null)
            {
                logger.LogInformation("Moderation of {ItemId} v{Version} lost a race with an edit; the edit's own message follows", message.Id, message.Version);
                return;
            }
            submission = decided;
        }
        await followUp.RunAsync(submission, message.ReceiptManageUrl, cancellationToken);
    }

    private async Task<EmailMessage> ReceiptAsync(Submission submission, int version, string manageUrl, CancellationToken cancellationToken)
    {
        // The receipt, and its link to the manage page, in the language of the form it was sent from.
        var language = submission.ReplyLanguage;
        manageUrl = Email.EmailWords.Link(site.Value, manageUrl, language);
        if (submission.Kind == Supporters.SubmitSupporter.Kind)
        {
            return await Supporters.SupporterEmails.ReceiptAsync(submission.Id, version, HubJson.Deserialize<Supporters.SupporterDetails>(submission.DetailsJson), manageUrl, submission.Submitted, language);
        }
        if (submission.Kind != SubmitPost.Kind)
        {
            return await EventEmails.ReceiptAsync(submission.Id, HubJson.Deserialize<EventDetails>(submission.DetailsJson), manageUrl, submission.Submitted,
                site.Value.EventsNeedAPerson, language);
        }
        var details = HubJson.Deserialize<PostDetails>(submission.DetailsJson);
        // The receipt repeats the story's first lines; its body sits in a blob that an edit or a clean-up may already have replaced.
        string? body;
        try
        {
            body = await postBlobs.ReadBodyAsync(details, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            body = null;
        }
        return await PostEmails.ReceiptAsync(submission.Id, version, details, body, manageUrl, submission.Submitted, language);
    }

    private async Task<Submission?> DecideAsync(Submission submission, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        SubmissionStatus status;
        IReadOnlyList<Finding> findings;
        if (submission.Honeypot)
        {
            (status, findings) = (SubmissionStatus.Discarded, [new Finding("honeypot", "The hidden field people never see was filled in.")]);
        }
        else if (submission.Kind == SubmitPost.Kind)
        {
            (status, findings) = (SubmissionStatus.Held, [new Finding("person", "Every story is read by a person before it goes out.")]);
        }
        else if (submission.Kind == Supporters.SubmitSupporter.Kind)
        {
            (status, findings) = (SubmissionStatus.Held, [new Finding("person", "Every pledge of support is read by a person before it is listed.")]);
        }
        else
        {
            var details = HubJson.Deserialize<EventDetails>(submission.DetailsJson);
            var duplicate = await duplicates.FileAndCheckAsync(submission, details, cancellationToken);
            var (outcome, found) = EventChecks.Run(details, now, duplicate);
            findings = found;
            if (outcome == CheckOutcome.Approve && site.Value.EventsNeedAPerson)
            {
                // The campaign team chose to read every event, as every story is read.
                (outcome, findings) = (CheckOutcome.Hold, [.. found, new Finding("person", "Every event is read by a person before it goes out.")]);
            }
            status = outcome switch
            {
                CheckOutcome.Approve => SubmissionStatus.Approved,
                CheckOutcome.Hold => SubmissionStatus.Held,
                _ => SubmissionStatus.Rejected,
            };
        }

        var decided = submission with
        {
            Status = status, Findings = findings, Updated = now, DecidedBy = null,
            Reason = findings.Count == 0 ? null : string.Join(" ", findings.Select(f => f.Message)),
        };
        if (!await submissions.TryReplaceAsync(decided, cancellationToken))
        {
            return null;
        }
        logger.LogInformation("Automatic checks {Decision} {ItemId} v{Version}", DecisionFollowUp.DecisionWord(decided.Status), decided.Id, decided.Version);
        return decided;
    }
}
