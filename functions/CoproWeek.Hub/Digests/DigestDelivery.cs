using CoproWeek.Hub.Email;
using CoproWeek.Hub.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CoproWeek.Hub.Digests;

/// <summary>One recipient's digest: the items (indexes into the run's list) and their own links.</summary>
public sealed record DigestLetter(string Email, IReadOnlyList<int> Items, string UnsubscribeUrl, string PreferencesUrl);

/// <summary>SendGrid's final answer for a batch.</summary>
public sealed record DeliveryResult(bool Accepted, bool Permanent, string? Error);

/// <summary>
/// Hands a batch to SendGrid as one request with a personalization per recipient (their items, links and
/// <c>List-Unsubscribe</c> header), waiting out 429s and backing off on 5xx. Without a SendGrid key each
/// recipient's digest is written to the dev outbox instead.
/// </summary>
public sealed class DigestDelivery(
    Outbox outbox,
    IOptions<DigestOptions> options,
    IOptions<SendGridOptions> sendGridOptions,
    TimeProvider time,
    ILogger<DigestDelivery> logger,
    ISendGridClient? sendGrid = null)
{
    public async Task<DeliveryResult> DeliverAsync(DigestBatchMessage batch, IReadOnlyList<PublishedItem> items, IReadOnlyList<DigestLetter> letters, CancellationToken cancellationToken)
    {
        if (sendGrid is null || !sendGridOptions.Value.Enabled)
        {
            await WriteToOutboxAsync(batch, items, letters, cancellationToken);
            return new DeliveryResult(true, false, null);
        }

        var mail = Build(batch, items, letters);
        string? error = null;
        for (var attempt = 1; attempt <= options.Value.SendAttempts; attempt++)
        {
            var response = await sendGrid.SendEmailAsync(mail, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new DeliveryResult(true, false, null);
            }
            var status = (int)response.StatusCode;
            error = $"{status} {await response.Body.ReadAsStringAsync(cancellationToken)}";
            if (status == 429)
            {
                var wait = SendEmail.RateLimitWait(response, time.GetUtcNow(), sendGridOptions.Value.MaxRateLimitWait);
                logger.LogWarning("SendGrid rate limit on digest batch {RunId}/{Batch}; waiting {Wait}", batch.RunId, batch.Batch, wait);
                await Task.Delay(wait, time, cancellationToken);
            }
            else if (status >= 500)
            {
                var wait = options.Value.RetryDelay * Math.Pow(2, attempt - 1);
                logger.LogWarning("SendGrid answered {Status} on digest batch {RunId}/{Batch}; trying again in {Wait}", status, batch.RunId, batch.Batch, wait);
                await Task.Delay(wait, time, cancellationToken);
            }
            else
            {
                return new DeliveryResult(false, true, error);
            }
        }
        return new DeliveryResult(false, false, error);
    }

    private SendGridMessage Build(DigestBatchMessage batch, IReadOnlyList<PublishedItem> items, IReadOnlyList<DigestLetter> letters)
    {
        var settings = sendGridOptions.Value;
        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromEmail, settings.FromName),
            Subject = DigestContent.Subject(batch.Frequency),
            PlainTextContent = DigestContent.TextFrame(batch.Frequency),
            HtmlContent = DigestContent.HtmlFrame(batch.Frequency),
            Personalizations = [],
        };
        foreach (var index in letters.SelectMany(l => l.Items).Distinct().Order())
        {
            mail.AddSection(DigestContent.HtmlSection(index), DigestContent.ItemHtml(items[index]));
            mail.AddSection(DigestContent.TextSection(index), DigestContent.ItemText(items[index]));
        }
        // Message-level headers and args; the SDK's AddHeader/AddCustomArg would write to the first personalization.
        mail.Headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            ["List-Id"] = options.Value.ListId,
        };
        mail.CustomArgs = new Dictionary<string, string>
        {
            ["digestRun"] = batch.RunId,
            ["digestBatch"] = batch.Batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        mail.AddCategory("digest-" + batch.Frequency);
        foreach (var letter in letters)
        {
            mail.Personalizations.Add(new Personalization
            {
                Tos = [new EmailAddress(letter.Email)],
                Substitutions = new Dictionary<string, string>
                {
                    [DigestContent.ItemsHtml] = string.Concat(letter.Items.Select(DigestContent.HtmlSection)),
                    [DigestContent.ItemsText] = string.Concat(letter.Items.Select(DigestContent.TextSection)),
                    [DigestContent.UnsubscribeUrl] = letter.UnsubscribeUrl,
                    [DigestContent.PreferencesUrl] = letter.PreferencesUrl,
                },
                Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = ListUnsubscribe(letter) },
            });
        }
        return mail;
    }

    private string ListUnsubscribe(DigestLetter letter)
    {
        var token = letter.UnsubscribeUrl[(letter.UnsubscribeUrl.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        return $"<{letter.UnsubscribeUrl}>, <mailto:{options.Value.UnsubscribeMailbox}?subject=unsubscribe%20{token}>";
    }

    private async Task WriteToOutboxAsync(DigestBatchMessage batch, IReadOnlyList<PublishedItem> items, IReadOnlyList<DigestLetter> letters, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await Parallel.ForEachAsync(letters, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (letter, ct) =>
        {
            var (html, text) = DigestContent.Fill(batch.Frequency, letter.Items.Select(i => items[i]).ToList(), letter.PreferencesUrl, letter.UnsubscribeUrl);
            var id = $"{batch.RunId}-{batch.Batch}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(letter.Email)))[..16]}";
            var headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = ListUnsubscribe(letter),
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                ["List-Id"] = options.Value.ListId,
            };
            await outbox.WriteAsync(new EmailMessage(id, letter.Email, DigestContent.Subject(batch.Frequency), html, text, now, headers, "digest"), ct);
        });
    }
}
