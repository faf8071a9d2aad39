using CoproWeek.Hub.Email;
using CoproWeek.Hub.Publishing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CoproWeek.Hub.Digests;

/// <summary>One recipient's digest: the items (indexes into the run's list) and their own links.</summary>
/// <remarks>
/// <see cref="Regions"/> and <see cref="Topics"/> are the recipient's choices, for the line that says why they get it;
/// <see cref="Language"/> the language they read it in (a <see cref="Subscriptions.SubscriberLanguage"/>).
/// </remarks>
public sealed record DigestLetter(string Email, IReadOnlyList<int> Items, string UnsubscribeUrl, string PreferencesUrl,
    IReadOnlyList<string>? Regions = null, IReadOnlyList<string>? Topics = null, string Language = Subscriptions.SubscriberLanguage.English);

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
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<DigestDelivery> logger,
    ISendGridClient? sendGrid = null)
{
    /// <summary>Sends one SendGrid request for <paramref name="letters"/>, who all read the same language (one frame serves them all).</summary>
    public async Task<DeliveryResult> DeliverAsync(DigestBatchMessage batch, IReadOnlyList<PublishedItem> items, IReadOnlyList<DigestLetter> letters, CancellationToken cancellationToken)
    {
        var language = Subscriptions.SubscriberLanguage.Of(letters[0].Language);
        if (letters.Any(l => Subscriptions.SubscriberLanguage.Of(l.Language) != language))
        {
            throw new ArgumentException("A delivery's letters must all be in one language.", nameof(letters));
        }
        var content = await DigestContent.BuildAsync(batch.RunId, batch.Frequency, items, letters.SelectMany(l => l.Items), site.Value, time.GetUtcNow(),
            Subscriptions.SubscriberLanguage.Languages(language));
        if (sendGrid is null || !sendGridOptions.Value.Enabled)
        {
            await WriteToOutboxAsync(batch, content, letters, cancellationToken);
            return new DeliveryResult(true, false, null);
        }

        var mail = Build(batch, content, letters);
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

    private SendGridMessage Build(DigestBatchMessage batch, DigestContent content, IReadOnlyList<DigestLetter> letters)
    {
        var settings = sendGridOptions.Value;
        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromEmail, settings.FromName),
            Subject = content.Subject(letters[0].Items.ToList()),
            PlainTextContent = content.FrameText,
            HtmlContent = content.FrameHtml,
            Personalizations = [],
            Sections = content.Sections.ToDictionary(),
        };
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
                Subject = content.Subject(letter.Items.ToList()),
                Substitutions = content.Substitutions(letter),
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

    private async Task WriteToOutboxAsync(DigestBatchMessage batch, DigestContent content, IReadOnlyList<DigestLetter> letters, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await Parallel.ForEachAsync(letters, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (letter, ct) =>
        {
            var (html, text) = content.Fill(letter);
            var id = $"{batch.RunId}-{batch.Batch}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(letter.Email)))[..16]}";
            var headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = ListUnsubscribe(letter),
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                ["List-Id"] = options.Value.ListId,
            };
            await outbox.WriteAsync(new EmailMessage(id, letter.Email, content.Subject(letter.Items.ToList()), html, text, now, headers, "digest"), ct);
        });
    }
}
