using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Contacts;

/// <summary>
/// Nobody is emailed on a stranger's say-so: a submission from an address whose owner has not confirmed it waits,
/// and the address gets one fixed-wording confirmation email, at most one a day whatever is sent in its name.
/// </summary>
public sealed class ContactGate(
    ContactAddresses contacts,
    SubmissionStore submissions,
    QueueSender queues,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<ContactGate> logger)
{
    public Task<bool> IsConfirmedAsync(string email, CancellationToken cancellationToken) =>
        contacts.IsConfirmedAsync(email, cancellationToken);

    /// <summary>Files the submission as waiting. Call before the submission is written, so none waits unseen.</summary>
    public Task HoldAsync(string email, string submissionId, string kind, CancellationToken cancellationToken) =>
        contacts.AddWaitingAsync(email, submissionId, kind, cancellationToken);

    /// <summary>
    /// Writes a changed submission (an edit) and sends it on: to the checks when its contact address is confirmed,
    /// otherwise back to waiting for that address, which is asked to confirm. Null when the row changed meanwhile.
    /// </summary>
    public async Task<Submission?> ResubmitAsync(Submission changed, CancellationToken cancellationToken)
    {
        if (await IsConfirmedAsync(changed.ContactEmail, cancellationToken))
        {
            return await submissions.TryReplaceThenSendAsync(changed, Triggers.Queues.Moderation,
                new SubmissionMessage(changed.Id, changed.Version), cancellationToken) ? changed : null;
        }
        var waiting = changed with { Status = SubmissionStatus.AwaitingConfirmation };
        await HoldAsync(changed.ContactEmail, changed.Id, changed.Kind, cancellationToken);
        if (!await submissions.TryReplaceAsync(waiting, cancellationToken))
        {
            return null;
        }
        await AskToConfirmAsync(changed.ContactEmail, changed.ReplyLanguage, cancellationToken);
        return waiting;
    }

    /// <summary>Sends the address its confirmation email, in the language of the form that gave it, unless it had one within the day or may not be emailed.</summary>
    public async Task AskToConfirmAsync(string email, Language language, CancellationToken cancellationToken)
    {
        var mailbox = contacts.MailboxId(email);
        if (await contacts.TryClaimConfirmationAsync(email, withLink: true, cancellationToken) is not { } token)
        {
            logger.LogInformation("No confirmation email for mailbox {MailboxId}: one went out within the interval, or the address is suppressed", mailbox[..12]);
            return;
        }
        await queues.SendAsync(Triggers.Queues.Email, await ContactEmails.ConfirmationAsync(site.Value, email, mailbox, token, time.GetUtcNow(), language), cancellationToken);
        logger.LogInformation("Confirmation email queued for mailbox {MailboxId}", mailbox[..12]);
    }
}
