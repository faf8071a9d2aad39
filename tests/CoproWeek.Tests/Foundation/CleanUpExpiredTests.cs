using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Foundation;

/// <summary>The daily clean-up, run through the self-host's admin API on a clock the test moves: expired rows go, live ones stay.</summary>
public sealed class CleanUpExpiredTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);

    private sealed record Snapshot(HashSet<string> Idempotency, HashSet<string> Throttles, HashSet<string> Sessions, HashSet<string> OtherModeratorRows);

    private static async Task<Snapshot> SnapshotAsync(HubFactory hub)
    {
        var snapshot = new Snapshot([], [], [], []);
        await foreach (var row in hub.Storage.Table(HubStorage.TableNames.Idempotency).QueryAsync<TableEntity>())
        {
            snapshot.Idempotency.Add(row.PartitionKey);
        }
        await foreach (var row in hub.Storage.Table(HubStorage.TableNames.Moderators).QueryAsync<TableEntity>())
        {
            (row.PartitionKey == "throttle" ? snapshot.Throttles : row.PartitionKey == "session" ? snapshot.Sessions : snapshot.OtherModeratorRows)
                .Add(row.PartitionKey + "/" + row.RowKey);
        }
        return snapshot;
    }

    private async Task LeaveRowsAsync(HubFactory hub, HttpClient client, string key, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = JsonContent.Create(SampleEvent.Json()) };
        request.Headers.Add(Idempotency.Header, key);
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(request)).StatusCode);
        var throttle = hub.Services.GetRequiredService<SignInThrottle>();
        for (var i = 0; i < SignInThrottle.FailuresAllowed; i++)
        {
            await throttle.FailedAsync(address, CancellationToken.None);
        }
        await hub.Services.GetRequiredService<ModeratorSessions>().StartAsync("Sam Jones", "0123456789abcdef", CancellationToken.None);
    }

    [Fact]
    public async Task Expired_idempotency_keys_throttles_and_sessions_go_and_live_ones_stay()
    {
        await using var hub = new HubFactory(azurite, services: s => s.AddSingleton<TimeProvider>(_clock));
        using var client = hub.CreateClient();
        await hub.Services.GetRequiredService<Moderators>().AddAsync("Sam Jones", CancellationToken.None);

        await LeaveRowsAsync(hub, client, "yesterday", "203.0.113.9");
        var old = await SnapshotAsync(hub);
        _clock.Advance(Idempotency.Lifetime + TimeSpan.FromMinutes(1));
        await LeaveRowsAsync(hub, client, "today", "198.51.100.7");
        var all = await SnapshotAsync(hub);

        var run = await client.PostAsJsonAsync($"/admin/functions/{Triggers.CleanUpExpired}", new { input = "" });
        var left = await SnapshotAsync(hub);

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Single(old.Idempotency);
        Assert.Single(old.Throttles); // one row per client: its count and its block
        Assert.Single(old.Sessions);
        Assert.Equal(all.Idempotency.Except(old.Idempotency).Order(), left.Idempotency.Order());
        Assert.Equal(all.Throttles.Except(old.Throttles).Order(), left.Throttles.Order());
        Assert.Equal(all.Sessions.Except(old.Sessions).Order(), left.Sessions.Order());
        Assert.Single(left.Idempotency);
        Assert.Single(left.Throttles);
        Assert.Single(left.Sessions);
        Assert.Equal(all.OtherModeratorRows.Order(), left.OtherModeratorRows.Order()); // moderators' keys are not the clean-up's business
        Assert.NotNull(await hub.Services.GetRequiredService<SignInThrottle>().WaitAsync("198.51.100.7", CancellationToken.None));
    }

    [Fact]
    public async Task A_throttle_block_is_kept_for_the_hour_that_it_can_still_lengthen_the_next_one()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var throttle = new SignInThrottle(storage, _clock);
        for (var i = 0; i < SignInThrottle.FailuresAllowed; i++)
        {
            await throttle.FailedAsync("203.0.113.9", CancellationToken.None);
        }
        var sweep = new ExpiredSignInThrottles(storage);

        _clock.Advance(TimeSpan.FromMinutes(30));
        var afterHalfAnHour = await sweep.SweepAsync(_clock.Now, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(32));
        var anHourAfterTheBlock = await sweep.SweepAsync(_clock.Now, CancellationToken.None);

        Assert.Equal(0, afterHalfAnHour); // the one-minute block ended, but it can still lengthen the next one
        Assert.Equal(1, anHourAfterTheBlock);
    }

    [Fact]
    public async Task Every_kind_of_expiring_row_is_registered_with_the_clean_up_once()
    {
        await using var hub = new HubFactory(azurite);

        var kinds = hub.Services.GetRequiredService<IEnumerable<IExpirySweep>>().Select(s => s.Kind).ToList();

        Assert.Equal(["idempotency keys", "sign-in throttles", "moderator sessions", "unconfirmed submissions", "per-client request counts", "email events", "access request copy allowances", "poisoned access request emails"], kinds);
        Assert.Same(hub.Services.GetRequiredService<Idempotency>(), hub.Services.GetServices<IExpirySweep>().OfType<Idempotency>().Single());
    }
}
