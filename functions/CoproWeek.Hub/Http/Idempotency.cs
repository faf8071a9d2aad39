using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Http;

/// <summary>The answer first given to a request, kept so that a retry with the same Idempotency-Key gets it again.</summary>
public sealed record StoredAnswer(int Status, string ContentType, string Body, string? Location, bool Replayed = false) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        httpContext.Response.ContentType = ContentType;
        if (Location is not null)
        {
            httpContext.Response.Headers.Location = Location;
        }
        if (Replayed)
        {
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
        }
        // With its length known the answer goes out in one write, not as chunks and a closing chunk.
        var bytes = Encoding.UTF8.GetBytes(Body);
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}

/// <summary>
/// A request's hold on its <c>Idempotency-Key</c>: the item id every attempt with this key uses, and the nonce its
/// manage token is derived from, so that a retry taking over from an attempt that died builds the very same item.
/// </summary>
public sealed record IdempotencyClaim(string Partition, string ItemId, string Nonce);

/// <summary>
/// <c>Idempotency-Key</c> handling. A key belongs to one submitter: the row is found by a hash of the route, the
/// key and the submitter's normalised email address, so a stranger sending the same key (and body) gets a claim
/// of their own. A row inserted only if absent claims the key and fixes the item's id; it is completed with an
/// answer to replay that carries no manage link (the link was emailed, and only hashes of tokens are kept). The
/// same key with a different body is refused. Rows expire after <see cref="Lifetime"/>; the daily clean-up
/// removes them, and an expired row still there counts as absent.
/// </summary>
public sealed class Idempotency(HubStorage storage, IOptions<SubscriptionOptions> keys, TimeProvider time) : Housekeeping.IExpirySweep
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

    // A key of its own for manage tokens, derived from the hub's secret so that the secret itself is used for one thing.
    private readonly byte[] _tokenKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes(keys.Value.AddressHashKey), "coproweek/idempotent-manage-token/v1"u8);

    // Keyed too, so the table does not let anyone test guesses of a key and an address.
    private readonly byte[] _partitionKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes(keys.Value.AddressHashKey), "coproweek/idempotency-key/v1"u8);

    private TableClient Table => storage.Table(HubStorage.TableNames.Idempotency);

    /// <summary>The key from the request, or a problem when it is malformed. Null key and null problem: no key sent.</summary>
    public static (string? Key, IResult? Problem) KeyOf(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return (null, null);
        }
        var key = values.ToString().Trim().Trim('"');
        if (key.Length is 0 or > 255 || key.Any(char.IsControl))
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { [Header] = ["Send an Idempotency-Key of 1 to 255 visible characters."] }));
        }
        return (key, null);
    }

    /// <summary>
    /// Claims the key for this submitter. Returns the earlier answer (or a problem) when the key was used before, or
    /// the claim when this request should go ahead with the claim's item id and manage token.
    /// </summary>
    public async Task<(IResult? Earlier, IdempotencyClaim? Claim)> BeginAsync(string scope, string key, string contactEmail, byte[] requestBody, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(scope, key, contactEmail);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(requestBody));
        while (true)
        {
            var now = time.GetUtcNow();
            var fresh = new IdempotencyClaim(partition, Submissions.SubmissionStore.NewId(), NewNonce());
            var row = new IdempotencyEntry(partition)
            {
                BodyHash = bodyHash, State = IdempotencyState.Pending, Started = now, Expires = now + Lifetime,
                ItemId = fresh.ItemId, Nonce = fresh.Nonce,
            };
            try
            {
                await Table.AddEntityAsync(row.ToEntity(), cancellationToken);
                return (null, fresh);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }

            var earlier = await Table.GetRowAsync<IdempotencyEntry>(partition, IdempotencyEntry.RowKey, cancellationToken);
            if (earlier is null)
            {
                continue; // removed by the clean-up between our insert and our read
            }
            if (earlier.Expires is not { } expires || expires <= now)
            {
                // Expired but not yet cleaned up: the key is free again.
                if (await TryReplaceAsync(row, earlier.ETag, cancellationToken))
                {
                    return (null, fresh);
                }
                continue;
            }
            if (earlier.BodyHash != bodyHash)
            {
                return (Problems.Status(StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for another request",
                    "Use a new Idempotency-Key for a new submission."), null);
            }
            if (earlier.State == IdempotencyState.Done)
            {
                return (new StoredAnswer(earlier.Status ?? 200, earlier.ContentType!, earlier.Body!, earlier.Location, Replayed: true), null);
            }
            if (now - (earlier.Started ?? now) < AbandonedAfter)
            {
                return (StillBeingHandled(), null);
            }

            // The first attempt died before it answered: this one takes over with the same item id and nonce (so the same
            // manage token), unless another retry took over first. If the first attempt is in fact still going, both
            // build the same item, and the second insert finds it already there.
            var claim = new IdempotencyClaim(partition, earlier.ItemId ?? fresh.ItemId, earlier.Nonce ?? fresh.Nonce);
            var takenOver = earlier with { Started = now, ItemId = claim.ItemId, Nonce = claim.Nonce };
            return await TryReplaceAsync(takenOver, earlier.ETag, cancellationToken) ? (null, claim) : (StillBeingHandled(), null);
        }
    }

    /// <summary>The manage token of the item this claim makes: the same for every attempt with the key, and stored nowhere.</summary>
    public IssuedToken ManageToken(IdempotencyClaim claim, string purpose)
    {
        var token = Base64Url.EncodeToString(HMACSHA256.HashData(_tokenKey, Encoding.UTF8.GetBytes($"{purpose}\n{claim.Partition}\n{claim.Nonce}")));
        return new IssuedToken(token, Tokens.Hash(purpose, token));
    }

    /// <summary>Keeps the answer that later retries get. It must hold no token: pass the answer as a replay should read.</summary>
    public Task CompleteAsync(IdempotencyClaim claim, StoredAnswer replay, CancellationToken cancellationToken) =>
        Table.UpdateEntityAsync(new IdempotencyEntry(claim.Partition)
        {
            State = IdempotencyState.Done,
            Status = replay.Status,
            ContentType = replay.ContentType,
            Body = replay.Body,
            Location = replay.Location,
        }.ToEntity(), ETag.All, TableUpdateMode.Merge, cancellationToken);

    public string Kind => "idempotency keys";

    /// <summary>Removes rows whose time is up, and rows from before expiry was recorded (they may hold a raw manage link).</summary>
    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Housekeeping.ExpiredRows.RemoveAsync(Table, filter: null, [nameof(IdempotencyEntry.Expires)],
            (IdempotencyEntry row) => row.Expires is not { } expires || expires <= now, cancellationToken);

    private async Task<bool> TryReplaceAsync(IdempotencyEntry row, ETag seen, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(row.ToEntity(), seen, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static IResult StillBeingHandled() =>
        Problems.Status(StatusCodes.Status409Conflict, "This request is still being handled", "Try again in a few seconds.");

    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private string PartitionOf(string scope, string key, string contactEmail) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_partitionKey, Encoding.UTF8.GetBytes($"{scope}\n{key}\n{AddressHasher.Normalize(contactEmail)}")));
}
