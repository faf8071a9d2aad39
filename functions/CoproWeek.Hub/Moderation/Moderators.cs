using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Moderation;

/// <summary>A member of the campaign team who may decide on submissions.</summary>
public sealed record Moderator(string Name, DateTimeOffset Added, DateTimeOffset? Revoked);

/// <summary>Something an operator asked for that cannot be done, said in one line.</summary>
public sealed class ModeratorException(string message) : Exception(message);

/// <summary>
/// The campaign team's keys, in table <c>Moderators</c>. A key is <c>{keyId}.{secret}</c>: the id finds one row
/// with a point read (never a scan), the 256-bit secret is stored only as a hash and compared in fixed time.
/// Revoking deletes the key's row, so the key stops working on every host at once.
/// </summary>
/// <remarks>
/// Partitions: <c>moderator</c> (one row per name), <c>key</c> (one row per key id), <c>session</c> (the page's
/// sign-ins, see <see cref="ModeratorSessions"/>) and <c>throttle</c> (see <see cref="SignInThrottle"/>).
/// </remarks>
public sealed class Moderators(HubStorage storage, TimeProvider time)
{
    public const string Purpose = "moderator";
    internal const string ModeratorPartition = "moderator";
    internal const string KeyPartition = "key";
    public const int LongestName = 100;

    private TableClient Table => storage.Table(HubStorage.TableNames.Moderators);

    /// <summary>Adds a moderator and returns their key: the only time it is ever shown.</summary>
    public async Task<string> AddAsync(string name, CancellationToken cancellationToken)
    {
        name = CheckName(name);
        var existing = await Table.GetRowAsync<ModeratorRow>(ModeratorPartition, NameKey(name), cancellationToken);
        if (existing is { Revoked: null })
        {
            throw new ModeratorException($"There is already a moderator called \"{name}\". Revoke them first to give them a new key.");
        }

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var (secret, hash) = Tokens.Create(Purpose);
        var now = time.GetUtcNow();
        await Table.AddEntityAsync(new KeyRow(keyId) { Name = name, SecretHash = hash, Created = now }.ToEntity(), cancellationToken);
        var row = new ModeratorRow(NameKey(name)) { Name = name, KeyId = keyId, Added = now, Revoked = null };
        try
        {
            if (existing is not null)
            {
                // Re-adding someone who was revoked: only if nobody else re-added them meanwhile.
                await Table.UpdateEntityAsync(row.ToEntity(), existing.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await Table.AddEntityAsync(row.ToEntity(), cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            await DeleteKeyAsync(keyId, cancellationToken);
            throw new ModeratorException($"Someone else added a moderator called \"{name}\" at the same time.");
        }
        return $"{keyId}.{secret}";
    }

    public async Task<IReadOnlyList<Moderator>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Moderator>();
        await foreach (var row in Table.QueryRowsAsync<ModeratorRow>(TableClient.CreateQueryFilter($"PartitionKey eq {ModeratorPartition}"), cancellationToken))
        {
            list.Add(new Moderator(row.Name, row.Added, row.Revoked));
        }
        return list.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Revokes a moderator: their key and their signed-in pages stop working at once.</summary>
    public async Task RevokeAsync(string name, CancellationToken cancellationToken)
    {
        name = CheckName(name);
        var row = await Table.GetRowAsync<ModeratorRow>(ModeratorPartition, NameKey(name), cancellationToken);
        if (row is not { Revoked: null })
        {
            throw new ModeratorException($"There is no moderator called \"{name}\" with a working key.");
        }
        // The key row goes first: from that moment the key is refused, even if the next write fails.
        await DeleteKeyAsync(row.KeyId, cancellationToken);
        await Table.UpdateEntityAsync((row with { Revoked = time.GetUtcNow() }).ToEntity(), ETag.All, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The moderator's name if <paramref name="key"/> is a working key, or null. One point read.</summary>
    public async Task<string?> VerifyKeyAsync(string? key, CancellationToken cancellationToken)
    {
        var identity = await VerifyKeyWithIdAsync(key, cancellationToken);
        return identity?.Name;
    }

    internal async Task<(string Name, string KeyId)?> VerifyKeyWithIdAsync(string? key, CancellationToken cancellationToken)
    {
        if (!TrySplit(key, out var keyId, out var secret))
        {
            return null;
        }
        var row = await Table.GetRowAsync<KeyRow>(KeyPartition, keyId, cancellationToken);
        return row is not null && Tokens.Verify(Purpose, secret, row.SecretHash)
            ? (row.Name, keyId)
            : null;
    }

    /// <summary>Whether the key with this id still works (sessions made with it end when it is revoked).</summary>
    internal async Task<bool> KeyExistsAsync(string keyId, CancellationToken cancellationToken) =>
        IsHex(keyId, 16) && await Table.GetRowAsync<KeyRow>(KeyPartition, keyId, cancellationToken, select: ["RowKey"]) is not null;

    private async Task DeleteKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(KeyPartition, keyId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Splits <c>{16 hex}.{secret}</c>; anything else is refused before storage is touched.</summary>
    internal static bool TrySplit(string? value, out string id, out string secret)
    {
        (id, secret) = ("", "");
        var dot = value?.IndexOf('.') ?? -1;
        if (value is null || dot != 16 || value.Length > 200)
        {
            return false;
        }
        (id, secret) = (value[..dot], value[(dot + 1)..]);
        return IsHex(id, 16) && secret.Length > 0;
    }

    internal static bool IsHex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigitLower);

    private static string CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > LongestName || trimmed.Any(char.IsControl))
        {
            throw new ModeratorException($"Give the moderator's name: 1 to {LongestName} characters, on one line.");
        }
        return trimmed;
    }

    // Names may hold characters a row key cannot (/ \ # ?), and "Sam" and "sam" are one person.
    private static string NameKey(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.ToUpperInvariant())))[..32];
}

/// <summary>A moderator's row: partition <c>moderator</c> of table <c>Moderators</c>, row key a hash of the name.</summary>
internal sealed record ModeratorRow(string NameKey) : ITableRow<ModeratorRow>
{
    public string Name { get; init; } = "";
    /// <summary>Their key's id; the key row goes when they are revoked.</summary>
    public string KeyId { get; init; } = "";
    public DateTimeOffset Added { get; init; }
    public DateTimeOffset? Revoked { get; init; }
    public ETag ETag { get; init; }

    public TableEntity ToEntity() => new TableEntity(Moderators.ModeratorPartition, NameKey).With(
        (nameof(Name), Name), (nameof(KeyId), KeyId), (nameof(Added), Added), (nameof(Revoked), Revoked));

    public static ModeratorRow FromEntity(TableEntity e) => new(e.RowKey ?? "")
    {
        Name = e.GetString(nameof(Name)) ?? "",
        KeyId = e.GetString(nameof(KeyId)) ?? "",
        Added = e.GetDateTimeOffset(nameof(Added)) ?? default,
        Revoked = e.GetDateTimeOffset(nameof(Revoked)),
        ETag = e.ETag,
    };
}

/// <summary>A working key's row: partition <c>key</c> of table <c>Moderators</c>, row key the key id; the secret only as a hash.</summary>
internal sealed record KeyRow(string KeyId) : ITableRow<KeyRow>
{
    public string Name { get; init; } = "";
    public string? SecretHash { get; init; }
    public DateTimeOffset? Created { get; init; }

    public TableEntity ToEntity() => new TableEntity(Moderators.KeyPartition, KeyId).With(
        (nameof(Name), Name), (nameof(SecretHash), SecretHash), (nameof(Created), Created));

    public static KeyRow FromEntity(TableEntity e) => new(e.RowKey ?? "")
    {
        Name = e.GetString(nameof(Name)) ?? "",
        SecretHash = e.GetString(nameof(SecretHash)),
        Created = e.GetDateTimeOffset(nameof(Created)),
    };
}
