using System.Net;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Digests;

public sealed class DigestLinkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task On_the_self_host_digests_reach_the_outbox_and_their_unsubscribe_link_works_by_POST_but_not_by_GET_and_the_unsubscribed_get_nothing()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Digests:BatchSize"] = "2" });
        using var client = hub.CreateClient();
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        var published = hub.Services.GetRequiredService<PublishedItems>();
        var monday = DigestHarness.Monday;
        await published.RecordAsync(new PublishedItem("e1", "event", 1, "Tea & talk <live>", "A chat.", "http://localhost/events/e1/", "wales", ["housing"],
            monday.AddDays(-2), new DateTimeOffset(2027, 7, 20, 9, 30, 0, TimeSpan.Zero), false), CancellationToken.None);
        await published.RecordAsync(new PublishedItem("e2", "event", 1, "Withdrawn", "Gone.", "http://localhost/events/e2/", "wales", ["housing"],
            monday.AddDays(-2), null, true), CancellationToken.None);
        var emails = Enumerable.Range(0, 4).Select(i => $"p{i}@example.org").ToList();
        foreach (var email in emails)
        {
            await store.Subscribers.AddEntityAsync(new Subscriber { Id = store.IdOf(email), Email = email, Status = SubscriberStatus.Active, Frequency = "weekly" }.ToEntity());
        }
        var order = emails.OrderBy(store.IdOf, StringComparer.Ordinal).ToList();
        // The last in key order stops mid-run, before their batch is sent.
        await store.Subscribers.UpdateEntityAsync(new TableEntity(store.IdOf(order[3]), store.IdOf(order[3])) { ["Status"] = SubscriberStatus.Unsubscribed }, ETag.All);

        await hub.Services.GetRequiredService<PlanDigest>().PlanWeeklyAsync(new TimerTick(monday.AddSeconds(1), false), CancellationToken.None);
        var outbox = hub.Services.GetRequiredService<Outbox>();
        var digests = await Eventually.GetAsync(async () => (await outbox.ListAsync(10, CancellationToken.None)) is { Count: 3 } found ? found : null, "three digests");
        await hub.QueuesIdleAsync(Triggers.SendDigestBatch, Triggers.SendEmail);
        Assert.Equal(order.Take(3).Order(), digests.Select(d => d.To).Order());
        Assert.Equal(3, (await outbox.ListAsync(10, CancellationToken.None)).Count);

        var digest = digests[0];
        Assert.Contains("Tea &amp; talk &lt;live&gt;", digest.Html);
        Assert.Contains("Tuesday 20 July 2027\n--------------------\n\nTea & talk <live>\n10:30am\n", digest.Text);
        Assert.DoesNotContain("Withdrawn", digest.Text);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers!["List-Unsubscribe-Post"]);
        var unsubscribe = Regex.Match(digest.Headers["List-Unsubscribe"], "<http://localhost(/api/subscriptions/unsubscribe\\?token=[^>]+)>").Groups[1].Value;
        var preferences = Regex.Match(digest.Text, "http://localhost(/api/subscriptions/preferences\\?token=\\S+)").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(unsubscribe)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(preferences)).StatusCode);
        Assert.Equal(SubscriberStatus.Active, (await store.GetAsync(store.IdOf(digest.To), CancellationToken.None))!.Status);
        var oneClick = await client.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await store.GetAsync(store.IdOf(digest.To), CancellationToken.None))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(unsubscribe.Replace("unsubscribe?", "preferences?"), new FormUrlEncodedContent([]))).StatusCode);

        var run = await hub.Storage.Table(HubStorage.TableNames.Digests).GetEntityAsync<TableEntity>("run-weekly", DigestRuns.RunId("weekly", monday));
        Assert.Equal(3, run.Value.GetInt64("Planned"));
        Assert.Equal(3, run.Value.GetInt64("Sent"));
    }
}
