using System.Security.Cryptography;
using System.Text;
using CoproWeek.Hub.Health;
using CoproWeek.Hub.Subscriptions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Security;

/// <summary>
/// A keyed hash (HMAC-SHA256) of an email address: the subscriber's id and the suppression list's key.
/// Without the key nobody can test whether an address is on our lists. A key that is still an unresolved Key Vault
/// reference is refused: a hash made with the reference text would match none already stored.
/// </summary>
public sealed class AddressHasher(IOptions<SubscriptionOptions> options)
{
    private readonly byte[]? _key = UnresolvedKeyVaultReferences.IsReference(options.Value.AddressHashKey)
        ? null
        : Encoding.UTF8.GetBytes(options.Value.AddressHashKey);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public string Hash(string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            _key ?? throw new InvalidOperationException("Subscriptions:AddressHashKey is a Key Vault reference that did not resolve, so no address is hashed until the app can read the secret. See /api/health."),
            Encoding.UTF8.GetBytes(Normalize(email))));
}
