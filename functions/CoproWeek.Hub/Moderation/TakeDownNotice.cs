using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// Sends the organiser or author the email saying a moderator took their item down, only to a confirmed address: an
/// item taken down while an edit waited for a new address to be confirmed holds that unconfirmed address, and nobody
/// is emailed on a stranger's say-so.
/// </summary>
public sealed class TakeDownNotice(ContactAddresses contacts, QueueSender queues, TimeProvider time, ILogger<TakeDownNotice> logger)
{
    public async Task SendAsync(Submission takenDown, CancellationToken cancellationToken)
    {
        if (!await contacts.IsConfirmedAsync(takenDown.ContactEmail, cancellationToken))
        {
            logger.LogInformation("No take-down email for {ItemId} v{Version}: its address was never confirmed", takenDown.Id, takenDown.Version);
            return;
        }
        await queues.SendAsync(Triggers.Queues.Email, await TakeDownItem.EmailAsync(takenDown, time.GetUtcNow()), cancellationToken);
    }
}
