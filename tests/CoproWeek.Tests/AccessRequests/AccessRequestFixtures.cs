using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.AccessRequests;

/// <summary>An access request as a person sends it, the emails as SendGrid got them, and a search of everything stored.</summary>
internal static class AccessRequestFixtures
{
    public const string PersonEmail = "asker@example.net";

    public static JsonObject Request(string marker, string? email = PersonEmail) => new()
    {
        ["needs"] = new JsonArray("bsl", "other"),
        ["otherNeeds"] = $"A carer's free place and a large-print agenda {marker}",
        ["name"] = $"Sam {marker}",
        ["contactBy"] = email is null ? "phone" : "email",
        ["email"] = email,
        ["phone"] = email is null ? "0113 496 0000" : null,
        ["consent"] = true,
    };

    public static HttpRequestMessage Post(string eventId, JsonObject body, string? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{eventId}/access-requests") { Content = JsonContent.Create(body) };
        if (client is not null)
        {
            request.Headers.Add("X-Forwarded-For", client);
        }
        return request;
    }

    public sealed record SentEmail(string To, string Subject, string? ReplyTo, string Content, IReadOnlyList<string> Categories);

    public static SentEmail Read(JsonDocument body)
    {
        var root = body.RootElement;
        var personalization = root.GetProperty("personalizations")[0];
        var subject = root.TryGetProperty("subject", out var top) ? top : personalization.GetProperty("subject");
        return new SentEmail(
            personalization.GetProperty("to")[0].GetProperty("email").GetString()!,
            subject.GetString()!,
            root.TryGetProperty("reply_to", out var replyTo) ? replyTo.GetProperty("email").GetString() : null,
            string.Join("\n", root.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("value").GetString())),
            root.TryGetProperty("categories", out var categories) ? categories.EnumerateArray().Select(c => c.GetString()!).ToList() : []);
    }

    public static IReadOnlyList<SentEmail> AccessEmails(FakeSendGrid sendGrid) =>
        sendGrid.Accepted.Select(Read).Where(e => e.Categories.Contains("access-request")).ToList();

    /// <summary>
    /// Where <paramref name="needle"/> appears in storage under the hub's prefix: every property of every row of every
    /// table, every blob of every container (the site's included), every message waiting on every queue.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindInStorageAsync(HubStorage storage, string needle)
    {
        var found = new List<string>();
        var prefix = storage.Options.Prefix;
        await foreach (var table in storage.TableService.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "{"}")))
        {
            await foreach (var row in storage.TableService.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (row.Any(p => p.Value?.ToString()?.Contains(needle, StringComparison.OrdinalIgnoreCase) == true) || row.RowKey.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"table {table.Name} row {row.PartitionKey}/{row.RowKey}");
                }
            }
        }
        await foreach (var container in storage.BlobService.GetBlobContainersAsync(prefix: prefix))
        {
            var client = storage.BlobService.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                if (blob.Name.Contains(needle, StringComparison.OrdinalIgnoreCase) || Encoding.UTF8.GetString(content).Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"blob {container.Name}/{blob.Name}");
                }
            }
        }
        await foreach (var queue in storage.QueueService.GetQueuesAsync(prefix: prefix))
        {
            var messages = (await storage.QueueService.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value;
            if (messages.Any(m => DecodeAll(m.Body).Contains(needle, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add($"queue {queue.Name}");
            }
        }
        return found;
    }

    // Messages are Base64 on the wire as the Functions host expects; the peeked body may be either form.
    private static string DecodeAll(BinaryData body)
    {
        var text = body.ToString();
        try
        {
            return text + Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
