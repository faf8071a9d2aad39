using System.Security.Cryptography;
using System.Text;

namespace CoproWeek.Hub.Security;

/// <summary>A token handed out once (in a link) and the hash we keep of it.</summary>
public sealed record IssuedToken(string Token, string Hash);

/// <summary>
/// Secret tokens for links in emails: 256 random bits, kept only as a SHA-256 hash, compared in fixed
/// time. The hash covers the purpose, so a token issued to confirm cannot unsubscribe or manage anything.
/// A token may start with a locator (<c>locator.secret</c>) that says which row holds its hash.
/// </summary>
public static class Tokens
{
    private const char Separator = '~';

    /// <summary>A fresh token for <paramref name="purpose"/>, optionally prefixed with a locator (no '~' in it).</summary>
    public static IssuedToken Create(string purpose, string? locator = null)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = locator is null ? secret : locator + Separator + secret;
        return new IssuedToken(token, Hash(purpose, token));
    }

    /// <summary>The hex SHA-256 of purpose and token together.</summary>
    public static string Hash(string purpose, string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + token)));

    /// <summary>Whether <paramref name="token"/> is the one whose hash was stored for this purpose. Fixed time.</summary>
    public static bool Verify(string purpose, string? token, string? storedHash)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(storedHash) || token.Length > 512)
        {
            return false;
        }
        var actual = Encoding.ASCII.GetBytes(Hash(purpose, token));
        var expected = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The locator before the secret, or null when the token has none or is malformed.</summary>
    public static string? Locator(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }
        var at = token.LastIndexOf(Separator);
        return at <= 0 || at == token.Length - 1 ? null : token[..at];
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
