using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>A signed-in moderation page: who, and the token its forms must carry.</summary>
public sealed record ModeratorSession(string Name, string FormToken);

/// <summary>
/// Sign-ins to the moderation page. The cookie holds <c>{sessionId}.{secret}</c>, never the moderator's key; the
/// table keeps only the secret's hash, the name, the key it was made with and an expiry 8 hours on. A session
/// ends when it expires, when the moderator signs out, or when their key is revoked.
/// </summary>
public sealed class ModeratorSessions(HubStorage storage, Moderators moderators, TimeProvider time)
{
    public const string Purpose = "moderator-session";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    internal const string Partition = "session";

    private TableClient Table => storage.Table(HubStorage.TableNames.Moderators);

    public async Task<string> StartAsync(string name, string keyId, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var (secret, hash) = Tokens.Create(Purpose);
        await Table.AddEntityAsync(new SessionRow(id) { Name = name, KeyId = keyId, SecretHash = hash, Expires = time.GetUtcNow() + Lifetime }.ToEntity(), cancellationToken);
        return $"{id}.{secret}";
    }

    /// <summary>The session this cookie value stands for, or null if it is unknown, expired or its key was revoked.</summary>
    public async Task<ModeratorSession?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!Moderators.TrySplit(token, out var id, out var secret))
        {
            return null;
        }
        var row = await Table.GetRowAsync<SessionRow>(Partition, id, cancellationToken);
        if (row is null || !Tokens.Verify(Purpose, secret, row.SecretHash)
            || row.Expires is not { } expires || expires <= time.GetUtcNow())
        {
            return null;
        }
        return await moderators.KeyExistsAsync(row.KeyId, cancellationToken)
            ? new ModeratorSession(row.Name, FormTokenOf(token!))
            : null;
    }

    public async Task EndAsync(string? token, CancellationToken cancellationToken)
    {
        if (Moderators.TrySplit(token, out var id, out _) && await FindAsync(token, cancellationToken) is not null)
        {
            try
            {
                await Table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        }
    }

    /// <summary>Whether a form carried this session's own token (another site cannot know it). Fixed time.</summary>
    public static bool FormTokenMatches(ModeratorSession session, string? posted) =>
        posted is { Length: > 0 and < 200 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(session.FormToken), Encoding.ASCII.GetBytes(posted));

    // Derived from the session's secret, so nothing more is stored, and it differs from the cookie's value.
    private static string FormTokenOf(string sessionToken) => Tokens.Hash("moderation-form", sessionToken)[..32];
}

/// <summary>A sign-in's row: partition <c>session</c> of table <c>Moderators</c>, row key the session id.</summary>
internal sealed record SessionRow(string Id) : ITableRow<SessionRow>
{
    public string Name { get; init; } = "";
    /// <summary>The moderator key the session was made with; revoking it ends the session.</summary>
    public string KeyId { get; init; } = "";
    public string? SecretHash { get; init; }
    public DateTimeOffset? Expires { get; init; }

    public TableEntity ToEntity() => new TableEntity(ModeratorSessions.Partition, Id).With(
        (nameof(Name), Name), (nameof(KeyId), KeyId), (nameof(SecretHash), SecretHash), (nameof(Expires), Expires));

    public static SessionRow FromEntity(TableEntity e) => new(e.RowKey ?? "")
    {
        Name = e.GetString(nameof(Name)) ?? "",
        KeyId = e.GetString(nameof(KeyId)) ?? "",
        SecretHash = e.GetString(nameof(SecretHash)),
        Expires = e.GetDateTimeOffset(nameof(Expires)),
    };
}
