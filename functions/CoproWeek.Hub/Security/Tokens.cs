using System.Security.Cryptography;
using System.Text;

namespace CoproWeek.Hub.Security;

/// <summary>
/// Secret links (manage, confirm, unsubscribe): 256 random bits, given out once, stored only as a
/// SHA-256 hash bound to one purpose, and compared in fixed time.
/// </summary>
public static class Tokens
{
    /// <summary>A new token for <paramref name="purpose"/>, and the hash to store.</summary>
    public static (string Token, string Hash) Create(string purpose)
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(purpose, token));
    }

    public static string Hash(string purpose, string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{token}")));

    /// <summary>Whether <paramref name="token"/> is the one whose hash was stored, for this purpose. Fixed time.</summary>
    public static bool Matches(string purpose, string? token, string? storedHash)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(storedHash) || token.Length > 200)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(purpose, token)),
            Encoding.ASCII.GetBytes(storedHash));
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
