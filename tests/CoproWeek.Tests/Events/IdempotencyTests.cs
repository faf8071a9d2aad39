using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Events;

/// <summary>An Idempotency-Key keeps its promise: one item and one id per key and submitter, and the manage link only in the first answer.</summary>
public sealed class IdempotencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);

    private HubFactory Hub() => new(azurite, services: s => s.AddSingleton<TimeProvider>(_clock));

    private static HttpRequestMessage Post(string key, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add(Idempotency.Header, key);
        return request;
    }

    private static JsonObject From(string email)
    {
        var body = SampleEvent.Json();
        body["contact"]!["email"] = email;
        return body;
    }

    private static async Task<JsonObject> JsonOf(HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)!;

    private static async Task<List<TableEntity>> RowsAsync(HubFactory hub, string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in hub.Storage.Table(table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<int> SubmissionsAsync(HubFactory hub) =>
        (await RowsAsync(hub, HubStorage.TableNames.Submissions)).Count(r => r.PartitionKey == r.RowKey);

    [Fact]
    public async Task Concurrent_retries_of_one_key_make_one_item_and_every_success_names_its_id()
    {
        await using var hub = Hub();
        using var client = hub.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(Post("same-key", SampleEvent.Json()))));
        var later = await client.SendAsync(Post("same-key", SampleEvent.Json()));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        var ids = new HashSet<string>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Accepted).Append(later))
        {
            ids.Add((await JsonOf(response))["id"]!.GetValue<string>());
        }
        Assert.Single(ids);
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        Assert.Equal(1, await SubmissionsAsync(hub));
    }

    [Fact]
    public async Task A_retry_taking_over_a_claim_abandoned_before_the_write_uses_the_claimed_id()
    {
        await using var hub = Hub();
        using var client = hub.CreateClient();
        var body = SampleEvent.Json();
        // The first attempt claimed the key and died.
        var (_, claim) = await hub.Services.GetRequiredService<Idempotency>()
            .BeginAsync("POST events", "abandoned-key", SampleEvent.ContactEmail, Encoding.UTF8.GetBytes(body.ToJsonString()), CancellationToken.None);

        var tooSoon = await client.SendAsync(Post("abandoned-key", body));
        _clock.Advance(TimeSpan.FromMinutes(2));
        var retry = await client.SendAsync(Post("abandoned-key", body));

        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var answer = await JsonOf(retry);
        Assert.Equal(claim!.ItemId, answer["id"]!.GetValue<string>());
        Assert.NotNull(answer["manageUrl"]);
        Assert.Equal(1, await SubmissionsAsync(hub));
    }

    [Fact]
    public async Task A_retry_taking_over_a_claim_abandoned_after_the_write_keeps_the_one_item_and_its_manage_link()
    {
        await using var hub = Hub();
        using var client = hub.CreateClient();
        var first = await JsonOf(await client.SendAsync(Post("late-death", SampleEvent.Json())));
        // The first attempt wrote the item and sent its message, then died before it recorded its answer.
        var row = Assert.Single(await RowsAsync(hub, HubStorage.TableNames.Idempotency));
        row["State"] = "pending";
        await hub.Storage.Table(HubStorage.TableNames.Idempotency).UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var retry = await client.SendAsync(Post("late-death", SampleEvent.Json()));

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var answer = await JsonOf(retry);
        Assert.Equal(first["id"]!.GetValue<string>(), answer["id"]!.GetValue<string>());
        Assert.Equal(first["manageUrl"]!.GetValue<string>(), answer["manageUrl"]!.GetValue<string>());
        Assert.Equal(1, await SubmissionsAsync(hub));
        var manage = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{first["id"]}",
            SampleEvent.Token(new SampleEvent.Answer(first["id"]!.GetValue<string>(), "received", first["manageUrl"]!.GetValue<string>()))));
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
    }

    [Fact]
    public async Task A_replay_says_the_manage_link_was_emailed_and_no_token_is_kept_with_the_key()
    {
        await using var hub = Hub();
        using var client = hub.CreateClient();

        var firstResponse = await client.SendAsync(Post("my-first-event", SampleEvent.Json()));
        var first = await JsonOf(firstResponse);
        var replayResponse = await client.SendAsync(Post("my-first-event", SampleEvent.Json()));
        var replay = await JsonOf(replayResponse);

        Assert.Equal(HttpStatusCode.Accepted, replayResponse.StatusCode);
        Assert.Equal("true", replayResponse.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first["id"]!.GetValue<string>(), replay["id"]!.GetValue<string>());
        Assert.Equal("received", replay["status"]!.GetValue<string>());
        Assert.False(replay.ContainsKey("manageUrl"));
        Assert.True(replay["manageUrlEmailed"]!.GetValue<bool>());
        Assert.Equal(firstResponse.Headers.Location, replayResponse.Headers.Location);
        var token = Uri.UnescapeDataString(first["manageUrl"]!.GetValue<string>().Split("token=")[1]);
        var stored = JsonSerializer.Serialize(await RowsAsync(hub, HubStorage.TableNames.Idempotency));
        Assert.DoesNotContain(token, stored);
        Assert.DoesNotContain(Uri.EscapeDataString(token), stored);
        Assert.DoesNotContain("token=", stored);
        Assert.DoesNotContain("my-first-event", stored);
        Assert.DoesNotContain(SampleEvent.ContactEmail, stored);
    }

    [Fact]
    public async Task The_same_key_and_body_from_another_address_is_a_submission_of_its_own_and_never_sees_the_first_link()
    {
        await using var hub = Hub();
        using var client = hub.CreateClient();

        var first = await JsonOf(await client.SendAsync(Post("my-first-event", From("first@example.org"))));
        var stranger = await client.SendAsync(Post("my-first-event", From("stranger@example.org")));
        var sameAddressOtherCase = await client.SendAsync(Post("my-first-event", From("First@Example.ORG")));

        Assert.Equal(HttpStatusCode.Accepted, stranger.StatusCode);
        var theirs = await JsonOf(stranger);
        Assert.NotEqual(first["id"]!.GetValue<string>(), theirs["id"]!.GetValue<string>());
        Assert.NotEqual(first["manageUrl"]!.GetValue<string>(), theirs["manageUrl"]!.GetValue<string>());
        // The address is compared case aside: it is the same submitter, whose body differs now.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameAddressOtherCase.StatusCode);
        Assert.Equal(2, await SubmissionsAsync(hub));
    }

    [Fact]
    public async Task A_key_expires_after_a_day_and_is_then_free_for_a_new_submission()
    {
        await using var hub = Hub();
        using var client = hub.CreateClient();

        var first = await JsonOf(await client.SendAsync(Post("daily-key", SampleEvent.Json())));
        _clock.Advance(Idempotency.Lifetime - TimeSpan.FromMinutes(1));
        var replay = await JsonOf(await client.SendAsync(Post("daily-key", SampleEvent.Json())));
        _clock.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = await client.SendAsync(Post("daily-key", SampleEvent.Json()));

        Assert.Equal(first["id"]!.GetValue<string>(), replay["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, afterExpiry.StatusCode);
        var fresh = await JsonOf(afterExpiry);
        Assert.NotEqual(first["id"]!.GetValue<string>(), fresh["id"]!.GetValue<string>());
        Assert.NotNull(fresh["manageUrl"]);
        var row = Assert.Single(await RowsAsync(hub, HubStorage.TableNames.Idempotency));
        Assert.InRange(row.GetDateTimeOffset("Expires")!.Value, _clock.Now + Idempotency.Lifetime - TimeSpan.FromSeconds(1), _clock.Now + Idempotency.Lifetime);
    }
}
