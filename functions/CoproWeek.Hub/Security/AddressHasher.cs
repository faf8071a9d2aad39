using System.Security.Cryptography;
using System.Text;
using CoproWeek.Hub.Subscriptions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Security;

/// <summary>
/// A keyed hash (HMAC-SHA256) of an email address: the subscriber's id and the suppression list's key.
/// Without the key nobody can test whether an address is on our lists.
/// </summary>
public sealed class AddressHasher(IOptions<SubscriptionOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.AddressHashKey);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public string Hash(string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Normalize(email))));
}
