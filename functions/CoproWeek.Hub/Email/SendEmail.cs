using System.Globalization;
using Azure;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CoproWeek.Hub.Email;

/// <summary>
/// Sends one queued email through SendGrid, or into the dev outbox when no key is set, once across every host.
/// Before calling SendGrid a delivery claims the email in the ledger (a row inserted only if absent, state
/// "sending"); after SendGrid's answer it marks it "sent". Any other copy of the message then finds:
/// "sent" and does nothing; a claim older than <see cref="SendGridOptions.ClaimTimeout"/>, left by a delivery
/// that stopped, and marks it "uncertain" (logged and counted, never sent again, as digest rows are); or a fresh
/// claim, and checks again later through a delayed copy of itself, so that a claim whose host dies is still
/// settled even when the dying host's own message comes back while the claim looks fresh.
/// </summary>
public sealed class SendEmail(
    HubStorage storage,
    EmailLedger ledger,
    QueueSender queues,
    Outbox outbox,
    IOptions<SendGridOptions> options,
    TimeProvider time,
    ILogger<SendEmail> logger,
    ISendGridClient? sendGrid = null)
{
    private const int RateLimitAttempts = 3;

    public async Task HandleAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var claim = await ClaimAsync(message, cancellationToken);
        if (claim is null)
        {
            return;
        }

        if (sendGrid is null || !options.Value.Enabled)
        {
            try
            {
                await outbox.WriteAsync(message, cancellationToken);
            }
            catch
            {
                // Writing the outbox again does no harm, so a failed write just gives the claim up for the retry.
                await ledger.ReleaseAsync(message.Id, claim.Value, CancellationToken.None);
                throw;
            }
            await ledger.MarkSentAsync(message.Id, time.GetUtcNow(), cancellationToken);
            logger.LogInformation("Email {EmailId} written to the outbox", message.Id);
            return;
        }
        await SendThroughSendGridAsync(message, claim.Value, cancellationToken);
    }

    /// <summary>The claim's ETag when this delivery is the one to send the email; null when there is nothing for it to do.</summary>
    private async Task<ETag?> ClaimAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var timeout = options.Value.ClaimTimeout;
        while (true)
        {
            var now = time.GetUtcNow();
            if (await ledger.TryClaimAsync(message.Id, now, cancellationToken) is { } claimed)
            {
                return claimed;
            }
            if (await ledger.GetAsync(message.Id, cancellationToken) is not { } row)
            {
                continue; // the claim was given up between our insert and our read: try to claim it again
            }
            switch (row.State)
            {
                case EmailState.Sent:
                    logger.LogInformation("Email {EmailId} was already sent; nothing to do", message.Id);
                    return null;
                case EmailState.Uncertain:
                    logger.LogInformation("Email {EmailId} is marked uncertain; it is not sent again", message.Id);
                    return null;
            }

            var claimedAt = row.ClaimedAt ?? DateTimeOffset.MinValue;
            if (now - claimedAt >= timeout)
            {
                if (await ledger.TryMoveAsync(message.Id, row.ETag, EmailState.Uncertain, now, cancellationToken) is null)
                {
                    continue; // another delivery moved it first: see what it decided
                }
                await CountUncertainAsync(message.Id, "its delivery stopped before SendGrid's answer was recorded", cancellationToken);
                return null;
            }

            // Another delivery holds a fresh claim. Come back once it would count as abandoned: by then it is sent, or uncertain.
            var recheck = claimedAt + timeout - now + TimeSpan.FromSeconds(1);
            logger.LogInformation("Email {EmailId} is being sent by another delivery; checking again in {Delay}", message.Id, recheck);
            // A sensitive email (an access request) is kept nowhere for long, its own re-check included.
            await queues.SendAsync(Triggers.Queues.Email, message, cancellationToken, delay: recheck,
                timeToLive: message.Sensitive ? recheck + TimeSpan.FromDays(1) : null);
            return null;
        }
    }

    private async Task CountUncertainAsync(string id, string why, CancellationToken cancellationToken)
    {
        logger.LogWarning("Email {EmailId} is marked uncertain: {Reason}. SendGrid may have it, so it is not sent again", id, why);
        await ledger.CountUncertainAsync(time.GetUtcNow(), cancellationToken);
    }

    private async Task SendThroughSendGridAsync(EmailMessage message, ETag claim, CancellationToken cancellationToken)
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
        if (message.ReplyTo is not null)
        {
            mail.SetReplyTo(new EmailAddress(message.ReplyTo));
        }
        mail.AddCustomArg("emailId", message.Id);

        for (var attempt = 1; ; attempt++)
        {
            SendGrid.Response response;
            try
            {
                response = await sendGrid!.SendEmailAsync(mail, cancellationToken);
            }
            catch (Exception e)
            {
                // The request may have reached SendGrid before it failed: never send it again.
                if (await ledger.TryMoveAsync(message.Id, claim, EmailState.Uncertain, time.GetUtcNow(), CancellationToken.None) is not null)
                {
                    await CountUncertainAsync(message.Id, "the SendGrid call ended without an answer (" + e.GetType().Name + ")", CancellationToken.None);
                }
                throw;
            }
            if (response.IsSuccessStatusCode)
            {
                await ledger.MarkSentAsync(message.Id, time.GetUtcNow(), CancellationToken.None);
                logger.LogInformation("Email {EmailId} accepted by SendGrid", message.Id);
                return;
            }

            var status = (int)response.StatusCode;
            if (status == 429 && attempt < RateLimitAttempts)
            {
                var wait = RateLimitWait(response, time.GetUtcNow(), settings.MaxRateLimitWait);
                logger.LogWarning("SendGrid rate limit for email {EmailId}; waiting {Wait}", message.Id, wait);
                try
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    await ledger.ReleaseAsync(message.Id, claim, CancellationToken.None);
                    throw;
                }
                // Renew the claim, so that waiting is never mistaken for a delivery that stopped.
                if (await ledger.TryMoveAsync(message.Id, claim, EmailState.Sending, time.GetUtcNow(), cancellationToken) is not { } renewed)
                {
                    logger.LogWarning("Email {EmailId}: the claim was taken over while waiting out SendGrid's rate limit; not sending", message.Id);
                    return;
                }
                claim = renewed;
                continue;
            }

            // SendGrid answered and did not take it: nobody got it, so the claim is given up for a later delivery.
            await ledger.ReleaseAsync(message.Id, claim, CancellationToken.None);
            var error = await response.Body.ReadAsStringAsync(cancellationToken);
            if (status == 429 || status >= 500)
            {
                // Hand the message back to the queue: it is retried after the visibility timeout and poisoned in the end.
                throw new EmailDeliveryException($"SendGrid answered {status} for email {message.Id}: {error}");
            }

            if (message.Sensitive)
            {
                // Special-category data is kept nowhere, the poison queue included: the id in the log is all that stays.
                logger.LogError("SendGrid refused email {EmailId} with {Status}; it holds an access request, so it is dropped, not kept", message.Id, status);
                return;
            }
            logger.LogError("SendGrid refused email {EmailId} with {Status}: {SendGridError}; moving it to the poison queue", message.Id, status, error);
            await storage.Queue(Triggers.Queues.Email + Triggers.Queues.PoisonSuffix)
                .SendMessageAsync(HubJson.Serialize(message), cancellationToken);
            return;
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
