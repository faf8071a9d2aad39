using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Subscriptions;

/// <summary>SendGrid's webhook acts on each event once, however often a signed call is replayed or retried.</summary>
public sealed class EmailEventReplayTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_replayed_signed_call_changes_nothing_twice_and_a_new_event_still_acts()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var hub = new HubFactory(azurite, SignedEmailEvents.Trusting(key));
        using var client = hub.CreateClient();
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        const string batch = """
            [{"email":"sam@example.org","event":"bounce","sg_event_id":"ZXZlbnQtb25lLWJvdW5jZQ==","timestamp":1},
             {"email":"alex@example.org","event":"spamreport","timestamp":2},
             {"email":"kim@example.org","event":"delivered","sg_event_id":"ZGVsaXZlcmVk","timestamp":3}]
            """;
        var at = DateTimeOffset.UtcNow;

        var first = await client.SendAsync(SignedEmailEvents.Request(key, batch, at));
        var suppressedFirst = (await SuppressedAsync(hub, store, "sam@example.org"), await SuppressedAsync(hub, store, "alex@example.org"));
        // Both people sign up again and confirm: their suppression is lifted. A replay of the old call must not bring it back.
        await store.LiftSuppressionAsync(store.IdOf("sam@example.org"), CancellationToken.None);
        await store.LiftSuppressionAsync(store.IdOf("alex@example.org"), CancellationToken.None);
        var replays = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.SendAsync(SignedEmailEvents.Request(key, batch, at))));
        var afterReplay = (await SuppressedAsync(hub, store, "sam@example.org"), await SuppressedAsync(hub, store, "alex@example.org"));
        var newEvent = await client.SendAsync(SignedEmailEvents.Request(key, """[{"email":"sam@example.org","event":"bounce","sg_event_id":"ZXZlbnQtdHdv","timestamp":9}]""", DateTimeOffset.UtcNow));
        var wrongTypes = await client.SendAsync(SignedEmailEvents.Request(key, """[{"email":7,"event":5,"sg_event_id":1},{"event":"bounce","email":["x"]},3,"text",null]""", DateTimeOffset.UtcNow));
        var ledger = new List<TableEntity>();
        await foreach (var row in hub.Storage.Table(HubStorage.TableNames.EmailEvents).QueryAsync<TableEntity>())
        {
            ledger.Add(row);
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((true, true), suppressedFirst);
        Assert.All(replays, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((false, false), afterReplay);
        Assert.Equal(HttpStatusCode.OK, newEvent.StatusCode);
        Assert.True(await SuppressedAsync(hub, store, "sam@example.org"));
        Assert.Equal(HttpStatusCode.OK, wrongTypes.StatusCode);
        // One row per event acted on (two bounces, one spam report; deliveries are not kept), each done, with its expiry, and no address.
        Assert.Equal(3, ledger.Count);
        Assert.All(ledger, row =>
        {
            Assert.Equal("done", row.GetString("State"));
            Assert.InRange(row.GetDateTimeOffset("Expires")!.Value - at, EmailEventLedger.KeepFor - TimeSpan.FromMinutes(5), EmailEventLedger.KeepFor + TimeSpan.FromMinutes(5));
            Assert.DoesNotContain(row, kv => kv.Value?.ToString()?.Contains("example.org") == true);
        });
    }

    private static async Task<bool> SuppressedAsync(HubFactory hub, SubscriberStore store, string email) =>
        await store.IsSuppressedAsync(store.IdOf(email), CancellationToken.None);

}
