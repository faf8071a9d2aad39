using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Submissions;

/// <summary>A new event, story or pledge, checked and ready to store as its first version.</summary>
/// <param name="ManageUrl">The private manage link, sent on with the moderation message (never for a bot's submission).</param>
/// <param name="ReplyLanguage">The language of the form or request it came from (<c>Languages.Of(request)</c>): its emails' language.</param>
internal sealed record NewSubmission(string Kind, string Id, string Title, string DetailsJson, string ManageTokenHash,
    string ContactEmail, bool Honeypot, DateTimeOffset Received, string ManageUrl, Language ReplyLanguage = Language.English);

/// <summary>
/// How every new submission is stored and started on its way: while its contact address is unconfirmed it is held and the
/// address asked to confirm, and nobody sees it; otherwise it goes straight to the automatic checks and the moderators.
/// </summary>
internal static class SubmissionIntake
{
    /// <summary>Stores the first version and holds it or sends it on; returns where it now stands.</summary>
    public static async Task<SubmissionStatus> StoreAsync(SubmissionStore submissions, ContactGate contacts, QueueSender queues,
        NewSubmission item, CancellationToken cancellationToken)
    {
        // A bot's submission is dropped by the checks without a word to anyone, so it never asks an address to confirm.
        var waits = !item.Honeypot && !await contacts.IsConfirmedAsync(item.ContactEmail, cancellationToken);
        if (waits)
        {
            await contacts.HoldAsync(item.ContactEmail, item.Id, item.Kind, cancellationToken);
        }
        var status = waits ? SubmissionStatus.AwaitingConfirmation : SubmissionStatus.Received;
        await submissions.InsertAsync(new Submission
        {
            Id = item.Id,
            Kind = item.Kind,
            Slug = Slugs.For(item.Title, item.Id),
            Status = status,
            Version = 1,
            DetailsJson = item.DetailsJson,
            ManageTokenHash = item.ManageTokenHash,
            ContactEmail = item.ContactEmail,
            Submitted = item.Received,
            Updated = item.Received,
            Honeypot = item.Honeypot,
            ReplyLanguage = item.ReplyLanguage,
        }, cancellationToken);
        if (waits)
        {
            await contacts.AskToConfirmAsync(item.ContactEmail, item.ReplyLanguage, cancellationToken);
        }
        else
        {
            await queues.SendAsync(Triggers.Queues.Moderation,
                new SubmissionMessage(item.Id, 1, item.Honeypot ? null : item.ManageUrl), cancellationToken);
        }
        return status;
    }
}
