using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoproWeek.Hub.Subscriptions;

namespace CoproWeek.Tests.Infrastructure;

/// <summary>Calls to the SendGrid event webhook as SendGrid signs them: ECDSA over the timestamp and the body.</summary>
public static class SignedEmailEvents
{
    /// <summary>The hub's setting that trusts <paramref name="key"/>'s signatures.</summary>
    public static Dictionary<string, string?> Trusting(ECDsa key) => new()
    {
        ["SendGrid:WebhookVerificationKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
    };

    public static HttpRequestMessage Request(ECDsa key, string payload, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = key.SignData(Encoding.UTF8.GetBytes(timestamp + payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/email-events") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add(ReceiveEmailEvents.SignatureHeader, Convert.ToBase64String(signature));
        request.Headers.Add(ReceiveEmailEvents.TimestampHeader, timestamp);
        return request;
    }
}
