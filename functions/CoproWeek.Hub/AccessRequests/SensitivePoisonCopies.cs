using System.Text.Json;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>
/// An access request email that kept failing (SendGrid down for longer than the retries) is moved by the queue host to
/// <c>email-poison</c> with its words, like any other email. The daily clean-up deletes those copies, logging only the
/// email's id, so special-category data does not wait there for an operator; other poison messages stay for a person.
/// </summary>
public sealed class SensitivePoisonCopies(HubStorage storage, ILogger<SensitivePoisonCopies> logger) : IExpirySweep
{
    /// <summary>How long a message looked at but kept stays hidden: long enough that one pass sees each message once.</summary>
    private static readonly TimeSpan Look = TimeSpan.FromMinutes(2);

    public string Kind => "poisoned access request emails";

    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var poison = storage.Queue(Triggers.Queues.Email + Triggers.Queues.PoisonSuffix);
        var removed = 0;
        while (true)
        {
            var batch = (await poison.ReceiveMessagesAsync(32, Look, cancellationToken)).Value;
            if (batch.Length == 0)
            {
                return removed;
            }
            foreach (var message in batch)
            {
                if (IsSensitive(message.Body, out var emailId))
                {
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    logger.LogWarning("Deleted the poisoned copy of email {EmailId}: it held an access request, which is kept nowhere", emailId);
                    removed++;
                }
            }
        }
    }

    private static bool IsSensitive(BinaryData body, out string? emailId)
    {
        emailId = null;
        try
        {
            var message = HubJson.Deserialize<EmailMessage>(body);
            emailId = message.Id;
            return message.Sensitive;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return false; // not an email message: leave it for a person
        }
    }
}
