using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Moderation;
using Xunit.Abstractions;

namespace CoproWeek.Tests.Safety;

/// <summary>
/// Drives every HTTP route in <see cref="Triggers.All"/> with a generated corpus of malformed input: naughty strings
/// in every field, random bytes, type confusion, truncation, huge and deep values, wrong content types. No answer
/// may be a 5xx, and an answer that refuses (4xx) may leave nothing behind in storage.
/// </summary>
[LongRunning]
public sealed class RouteFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private sealed record Body(string Label, string? ContentType, byte[] Bytes);

    [Fact]
    public async Task Every_route_answers_the_corpus_without_a_5xx_and_stores_nothing_when_it_refuses()
    {
        // Every queue and timer function off, so that storage changes only through the request being answered.
        await using var hub = new HubFactory(azurite, Triggers.All.Where(t => t is not HttpTriggerDefinition)
            .ToDictionary(t => $"AzureWebJobs.{t.Name}.Disabled", _ => (string?)"true"));
        using var client = hub.CreateClient();
        var answer = await SampleEvent.SubmitAsync(client);
        var moderatorKey = await HeldItems.AddModeratorAsync(hub, "fuzz");
        var corpus = Corpus();
        var failures = new List<string>();
        var sent = 0;

        foreach (var trigger in Triggers.All.OfType<HttpTriggerDefinition>())
        {
            foreach (var method in trigger.Methods)
            {
                foreach (var path in Paths(trigger.Route, answer))
                {
                    foreach (var body in method == "GET" ? corpus.Take(3) : corpus)
                    {
                        var before = method == "GET" ? null : await StoredAsync(hub);
                        using var request = new HttpRequestMessage(new HttpMethod(method), path);
                        if (body.ContentType is not null)
                        {
                            request.Content = new ByteArrayContent(body.Bytes);
                            request.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
                        }
                        if (trigger.Route.StartsWith("moderat", StringComparison.Ordinal))
                        {
                            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", moderatorKey);
                        }
                        request.Headers.TryAddWithoutValidation("If-Match", "*");
                        using var response = await client.SendAsync(request);
                        sent++;
                        var status = (int)response.StatusCode;
                        if (status >= 500)
                        {
                            failures.Add($"{status} {method} {Short(path)} {body.Label}");
                        }
                        else if (status >= 400 && before is not null && await StoredAsync(hub) != before)
                        {
                            failures.Add($"{status} {method} {Short(path)} {body.Label} left rows or files behind");
                        }
                    }
                }
            }
        }

        output.WriteLine($"Fuzz corpus: {corpus.Count} bodies; {sent} requests over {Triggers.All.OfType<HttpTriggerDefinition>().Count()} HTTP functions; {failures.Count} failures.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        Assert.True(sent > 1000, $"only {sent} requests were sent");
    }

    private static string Short(string path) => path.Length > 80 ? path[..80] + "…" : path;

    private static IEnumerable<string> Paths(string route, SampleEvent.Answer answer)
    {
        var token = Uri.EscapeDataString(SampleEvent.Token(answer));
        if (!route.Contains("{id}", StringComparison.Ordinal))
        {
            yield return "/api/" + route;
            yield return "/api/" + route + "?token=%ED%A0%80&x=" + new string('a', 2000);
            yield break;
        }
        yield return "/api/" + route.Replace("{id}", answer.Id, StringComparison.Ordinal) + "?token=" + token;
        yield return "/api/" + route.Replace("{id}", "%F0%9F%98%80" + new string('9', 300), StringComparison.Ordinal) + "?token=" + token;
    }

    /// <summary>How much the anonymous writes have stored: submissions, contacts, subscribers, idempotency rows and files.</summary>
    private static async Task<string> StoredAsync(HubFactory hub)
    {
        var counts = new List<int>();
        foreach (var table in new[] { HubStorage.TableNames.Submissions, HubStorage.TableNames.Contacts, HubStorage.TableNames.Subscribers, HubStorage.TableNames.Idempotency })
        {
            var count = 0;
            try
            {
                await foreach (var _ in hub.Storage.Table(table).QueryAsync<TableEntity>(select: ["PartitionKey"]))
                {
                    count++;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
            }
            counts.Add(count);
        }
        var files = 0;
        await foreach (var _ in hub.Storage.Container(HubStorage.ContainerNames.Submissions).GetBlobsAsync())
        {
            files++;
        }
        counts.Add(files);
        return string.Join(",", counts);
    }

    private static List<Body> Corpus()
    {
        var random = new Random(20270705);
        var bodies = new List<Body>();
        void Json(string label, string json) => bodies.Add(new(label, "application/json", Encoding.UTF8.GetBytes(json)));
        void Raw(string label, string? type, byte[] bytes) => bodies.Add(new(label, type, bytes));

        // Structure and encoding.
        Raw("no body", null, []);
        Json("empty", "");
        Json("null", "null");
        Json("array", "[]");
        Json("string", "\"text\"");
        Json("truncated", "{\"title\":\"abc");
        Json("half surrogate", "{\"title\":\"\\ud800\",\"email\":\"\\udfff\",\"decision\":\"\\ud800\",\"reason\":\"\\ud800\"}");
        Json("half surrogate key", "{\"\\ud800\":1}");
        Raw("broken utf-8 in a string", "application/json", [.. "{\"title\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        Raw("overlong utf-8", "application/json", [.. "{\"title\":\""u8, 0xC0, 0xAF, .. "\"}"u8]);
        Raw("bom", "application/json", [0xEF, 0xBB, 0xBF, .. "{}"u8]);
        Json("deep arrays", new string('[', 5000) + new string(']', 5000));
        Json("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000));
        Json("huge string", "{\"title\":\"" + new string('x', 200_000) + "\"}");
        Json("many keys", "{" + string.Join(",", Enumerable.Range(0, 6000).Select(i => $"\"k{i}\":1")) + "}");
        Json("huge number", "{\"title\":1e999,\"start\":-1e999}");
        Json("duplicate keys", "{\"title\":\"a\",\"title\":\"b\"}");

        // Type confusion: each field of a valid event, and of the other bodies, as every other kind.
        var sample = SampleEvent.Json();
        JsonNode?[] wrongs = [5, true, new JsonArray(1, 2), new JsonObject { ["x"] = 1 }, null, "\ud83d\ude00", ""];
        foreach (var field in new[] { "title", "contact", "start", "format", "topics", "access", "coproduction" })
        {
            foreach (var wrong in wrongs)
            {
                var copy = JsonNode.Parse(sample.ToJsonString())!.AsObject();
                copy[field] = wrong?.DeepClone();
                Json($"{field} as {wrong?.GetValueKind().ToString() ?? "null"}", copy.ToJsonString());
            }
        }
        Json("subscription wrong kinds", "{\"email\":[1],\"frequency\":{},\"regions\":\"london\",\"topics\":5}");
        Json("decision wrong kinds", "{\"decision\":[\"approve\"],\"reason\":7}");
        Json("email events wrong kinds", "[{\"event\":5,\"email\":{}},7,\"x\",null]");

        // Naughty strings in every text field of a valid event.
        foreach (var naughty in NaughtyStringTests.Naughty.Concat(["\u2028", "\u2029", "\u200B", "\u2066x\u2069", "\uFFFF", "\uD800\uDC00"]))
        {
            var copy = JsonNode.Parse(sample.ToJsonString())!.AsObject();
            copy["title"] = naughty;
            copy["summary"] = naughty;
            copy["contact"]!["email"] = naughty + "@example.org";
            Json($"naughty {naughty.Length}", copy.ToJsonString());
        }

        // Random bytes with each content type.
        foreach (var type in new[] { "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/xml" })
        {
            for (var i = 0; i < 3; i++)
            {
                var bytes = new byte[random.Next(1, 3000)];
                random.NextBytes(bytes);
                Raw($"random {type} {i}", type, bytes);
            }
        }

        // Forms and multipart that are not what they claim.
        Raw("form with broken escapes", "application/x-www-form-urlencoded", "title=%ED%A0%80&summary=%&%%%=&email=%C0%AF"u8.ToArray());
        Raw("form of a valid sign-up with hidden characters", "application/x-www-form-urlencoded", "email=a%E2%80%AE%40example.org&frequency=weekly"u8.ToArray());
        Raw("multipart without a boundary", "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nabc"u8.ToArray());
        Raw("multipart cut off", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nabc"u8.ToArray());
        Raw("multipart huge header", "multipart/form-data; boundary=x", Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"" + new string('a', 100_000) + "\"\r\n\r\nabc\r\n--x--\r\n"));
        Raw("multipart authors with a null entry", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"authors\"\r\n\r\n[null]\r\n--x--\r\n"u8.ToArray());
        Raw("multipart author index in Arabic-Indic digits", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"authors[\u0663].name\"\r\n\r\nSam\r\n--x--\r\n"u8.ToArray());
        Raw("json as text/plain", "text/plain", "{\"email\":\"a@example.org\",\"frequency\":\"weekly\"}"u8.ToArray());
        Raw("no charset, latin-1 bytes", "application/json; charset=iso-8859-1", [.. "{\"title\":\"caf"u8, 0xE9, .. "\"}"u8]);
        return bodies;
    }
}
