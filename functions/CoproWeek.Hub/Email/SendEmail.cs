using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CoproWeek.Hub.Email;

/// <summary>
/// Sends one queued email through SendGrid, or into the dev outbox when no key is set. A ledger row
/// per email id makes a redelivered message a no-op once the email has gone.
/// </summary>
public sealed class SendEmail(
    HubStorage storage,
    Outbox outbox,
    IOptions<SendGridOptions> options,
    TimeProvider time,
    ILogger<SendEmail> logger,
    ISendGridClient? sendGrid = null)
{
    private const int RateLimitAttempts = 3;

    // Copies of one email can arrive together (a batch may hold a retried follow-up and the original), so copies
    // with the same id take turns in this host: the second then finds the ledger row the first wrote. Ids share
    // a few locks by hash rather than each getting one, so nothing grows with the number of emails.
    private readonly SemaphoreSlim[] _turns = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task HandleAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var turn = _turns[(uint)StringComparer.Ordinal.GetHashCode(message.Id) % (uint)_turns.Length];
        await turn.WaitAsync(cancellationToken);
        try
        {
            await SendOnceAsync(message, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task SendOnceAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var ledger = storage.Table(HubStorage.TableNames.EmailLedger);
        if (await AlreadySentAsync(ledger, message.Id, cancellationToken))
        {
            logger.LogInformation("Email {EmailId} was already sent; nothing to do", message.Id);
            return;
        }

        if (sendGrid is null || !options.Value.Enabled)
        {
            await outbox.WriteAsync(message, cancellationToken);
            logger.LogInformation("Email {EmailId} written to the outbox", message.Id);
        }
        else if (!await SendThroughSendGridAsync(message, cancellationToken))
        {
            return;
        }

        try
        {
            await ledger.AddEntityAsync(new TableEntity(message.Id, "sent") { ["SentAt"] = time.GetUtcNow() }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Another delivery of the same message finished first; the email went once.
        }
    }

    private static async Task<bool> AlreadySentAsync(TableClient ledger, string id, CancellationToken cancellationToken)
    {
        var row = await ledger.GetEntityIfExistsAsync<TableEntity>(id, "sent", select: ["PartitionKey"], cancellationToken);
        return row.HasValue;
    }

    /// <returns>true when SendGrid accepted the email; false when it refused it for good (already moved to poison).</returns>
    private async Task<bool> SendThroughSendGridAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(settings.FromEmail, settings.FromName),
            new EmailAddress(message.To),
            message.Subject,
            message.Text,
            message.Html);
        if (message.Headers is { Count: > 0 })
        {
            mail.AddHeaders(message.Headers.ToDictionary());
        }
        if (message.Category is not null)
        {
            mail.AddCategory(message.Category);
        }
        mail.AddCustomArg("emailId", message.Id);

        for (var attempt = 1; ; attempt++)
        {
            var response = await sendGrid!.SendEmailAsync(mail, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                logger.LogInformation("Email {EmailId} accepted by SendGrid", message.Id);
                return true;
            }

            var status = (int)response.StatusCode;
            if (status == 429 && attempt < RateLimitAttempts)
            {
                var wait = RateLimitWait(response, time.GetUtcNow(), settings.MaxRateLimitWait);
                logger.LogWarning("SendGrid rate limit for email {EmailId}; waiting {Wait}", message.Id, wait);
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }

            var error = await response.Body.ReadAsStringAsync(cancellationToken);
            if (status == 429 || status >= 500)
            {
                // Hand the message back to the queue: it is retried after the visibility timeout and poisoned in the end.
                throw new EmailDeliveryException($"SendGrid answered {status} for email {message.Id}: {error}");
            }

            logger.LogError("SendGrid refused email {EmailId} with {Status}: {SendGridError}; moving it to the poison queue", message.Id, status, error);
            await storage.Queue(Triggers.Queues.Email + Triggers.Queues.PoisonSuffix)
                .SendMessageAsync(HubJson.Serialize(message), cancellationToken);
            return false;
        }
    }

    /// <summary>How long to wait for SendGrid's rate limit: until <c>X-RateLimit-Reset</c> (Unix seconds), at most <paramref name="max"/>.</summary>
    internal static TimeSpan RateLimitWait(SendGrid.Response response, DateTimeOffset now, TimeSpan max)
    {
        var wait = TimeSpan.FromSeconds(1);
        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            wait = DateTimeOffset.FromUnixTimeSeconds(reset) - now;
        }
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }
        return wait > max ? max : wait;
    }
}

/// <summary>SendGrid could not take an email just now; the queue retries it.</summary>
public sealed class EmailDeliveryException(string message) : Exception(message);
