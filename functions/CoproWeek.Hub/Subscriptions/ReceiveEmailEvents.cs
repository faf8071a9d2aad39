using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// <c>POST /api/email-events</c>: SendGrid's signed event webhook. The ECDSA signature over timestamp and body
/// must verify with the configured public key, and the timestamp must be recent; bounces, drops, spam reports
/// and unsubscribes put the address on the suppression list. Each event is acted on once, by its <c>sg_event_id</c>
/// (see <see cref="EmailEventLedger"/>), so a signed call replayed within its window, or retried, changes nothing twice.
/// </summary>
public sealed class ReceiveEmailEvents(SubscriberStore store, EmailEventLedger ledger, IOptions<SendGridOptions> options, TimeProvider time, ILogger<ReceiveEmailEvents> logger)
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    private const int MaxBody = 1 << 20;

    private static readonly HashSet<string> Suppressing = new(StringComparer.OrdinalIgnoreCase)
    {
        "bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe",
    };

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request.Body, MaxBody, request.ContentLength, cancellationToken);
        if (body is null)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Too large", "Event batches must be under 1 MB.");
        }
        if (!IsSigned(request, body))
        {
            logger.LogWarning("Rejected an email event call with a missing, stale or wrong signature");
            return Problems.Status(StatusCodes.Status401Unauthorized, "Not signed", "The call must carry a valid, recent SendGrid signature.");
        }

        List<JsonElement> events;
        try
        {
            using var document = JsonDocument.Parse(body);
            events = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList()
                : throw new JsonException("not an array");
        }
        catch (JsonException)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["Send a JSON array of events."] });
        }

        var now = time.GetUtcNow();
        var (suppressed, repeated) = (0, 0);
        foreach (var e in events)
        {
            if (!Suppresses(e, out var name, out var address))
            {
                continue;
            }
            if (!await ledger.ClaimAsync(EventKey(e), now, cancellationToken))
            {
                repeated++;
                continue;
            }
            await store.SuppressAsync(store.IdOf(address), name.ToLowerInvariant(), now, cancellationToken);
            await ledger.DoneAsync(EventKey(e), cancellationToken);
            suppressed++;
        }
        logger.LogInformation("Received {EventCount} email events; {Suppressed} addresses suppressed, {Repeated} events already acted on", events.Count, suppressed, repeated);
        return Results.Ok();
    }

    /// <summary>Whether the event puts its address on the suppression list. Anything of another shape is passed over.</summary>
    private static bool Suppresses(JsonElement e, out string name, out string address)
    {
        (name, address) = (TextOf(e, "event") ?? "", TextOf(e, "email") ?? "");
        return Suppressing.Contains(name) && SubscriptionChoices.IsEmail(address);
    }

    /// <summary>A string property of an event, or null when the event or the property is of another kind, or is not whole text.</summary>
    private static string? TextOf(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // half a surrogate pair, escaped: no address, event name or id is like that
        }
    }

    /// <summary>SendGrid's id for the event; an event without one is known by its exact text, which a replay repeats.</summary>
    private static string EventKey(JsonElement e) =>
        TextOf(e, "sg_event_id") is { Length: > 0 } value
            ? "sg:" + value
            : "raw:" + e.GetRawText();

    private bool IsSigned(HttpRequest request, byte[] body)
    {
        var key = options.Value.WebhookVerificationKey;
        var signature = request.Headers[SignatureHeader].ToString();
        var timestamp = request.Headers[TimestampHeader].ToString();
        if (string.IsNullOrWhiteSpace(key) || signature.Length == 0 || timestamp.Length == 0
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age > MaxAge || age < -MaxAge)
        {
            return false; // a replay, or a clock far off
        }
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key), out _);
            var signed = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
            return ecdsa.VerifyData(signed, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
