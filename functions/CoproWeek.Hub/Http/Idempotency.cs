using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;

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
/// <c>Idempotency-Key</c> handling: a row inserted only if absent claims the key; it is completed with the
/// first answer, which retries get back. The same key with a different body is refused.
/// </summary>
public sealed class Idempotency(HubStorage storage, TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(1);

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

    /// <summary>Claims the key. Returns the earlier answer (or a problem) when the key was used before; null when this request should go ahead.</summary>
    public async Task<IResult?> BeginAsync(string scope, string key, byte[] requestBody, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(scope, key);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(requestBody));
        var now = time.GetUtcNow();
        try
        {
            await Table.AddEntityAsync(new TableEntity(partition, "answer") { ["BodyHash"] = bodyHash, ["State"] = "pending", ["Started"] = now }, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var row = (await Table.GetEntityAsync<TableEntity>(partition, "answer", cancellationToken: cancellationToken)).Value;
        if (row.GetString("BodyHash") != bodyHash)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for another request",
                "Use a new Idempotency-Key for a new submission.");
        }
        if (row.GetString("State") == "done")
        {
            return new StoredAnswer(row.GetInt32("Status") ?? 200, row.GetString("ContentType"), row.GetString("Body"), row.GetString("Location"), Replayed: true);
        }
        if (now - (row.GetDateTimeOffset("Started") ?? now) < AbandonedAfter)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "This request is still being handled", "Try again in a few seconds.");
        }
        // The first attempt died before it answered: this one takes over, unless another retry took over first.
        row["Started"] = now;
        try
        {
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "This request is still being handled", "Try again in a few seconds.");
        }
    }

    public Task CompleteAsync(string scope, string key, StoredAnswer answer, CancellationToken cancellationToken) =>
        Table.UpdateEntityAsync(new TableEntity(PartitionOf(scope, key), "answer")
        {
            ["State"] = "done",
            ["Status"] = answer.Status,
            ["ContentType"] = answer.ContentType,
            ["Body"] = answer.Body,
            ["Location"] = answer.Location,
        }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    private static string PartitionOf(string scope, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{key}")));
}
