using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CoproWeek.Tests.Digests;

[LongRunning]
public sealed class DigestDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int People = 2500;

    [Fact]
    public async Task A_weekly_digest_gives_each_of_2500_subscribers_exactly_the_items_that_match_their_choices_in_one_request_per_thousand()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var hub = await DigestHarness.StartAsync(azurite, sendGrid);
        var items = await hub.PublishAsync(24);
        var people = DigestHarness.People(People);
        await hub.SeedAsync(people);

        await hub.PlanWeeklyAsync(DigestHarness.Monday.AddSeconds(2));
        await DrainAsync(hub);

        var expected = Expected(people, items);
        var received = Received(sendGrid);
        var weeklyActive = people.Count(p => p.Frequency == "weekly" && p.Status == "active");
        Assert.Equal((int)Math.Ceiling(weeklyActive / 1000.0), sendGrid.Requests.Count);
        Assert.Equal(expected.Keys.Order(), received.Keys.Order());
        foreach (var (email, got) in received)
        {
            Assert.Single(got);
            Assert.Equal(expected[email], got[0]);
        }

        var first = sendGrid.Accepted.First().RootElement;
        Assert.Equal("List-Unsubscribe=One-Click", first.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("headers").GetProperty("List-Id").GetString()));
        var personal = first.GetProperty("personalizations")[0].GetProperty("headers").GetProperty("List-Unsubscribe").GetString()!;
        Assert.Matches("^<https://hub\\.coproweek\\.example/api/subscriptions/unsubscribe\\?token=[^>]+>, <mailto:[^>]+>$", personal);
        Assert.Contains("text/html", first.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()));

        var run = await RunRowAsync(hub);
        Assert.Equal(weeklyActive, run.GetInt64("Planned"));
        Assert.Equal(expected.Count, run.GetInt64("Sent"));
        Assert.Equal(weeklyActive - expected.Count, run.GetInt64("Skipped"));
        Assert.Equal(0, run.GetInt64("Failed"));
    }

    [Fact]
    public async Task A_timer_double_fire_redelivered_batches_a_crash_after_the_first_batch_and_20_percent_429s_still_send_everyone_exactly_one_digest()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        var random = new Random(7);
        sendGrid.Decide = () => { lock (random) { return random.NextDouble() < 0.2 ? 429 : 202; } };
        await using var hub = await DigestHarness.StartAsync(azurite, sendGrid);
        var items = await hub.PublishAsync(12);
        var people = DigestHarness.People(People);
        await hub.SeedAsync(people);

        // The timer fires twice for the same occurrence, on two hosts at once.
        await Task.WhenAll(hub.PlanWeeklyAsync(DigestHarness.Monday.AddSeconds(1)), hub.PlanWeeklyAsync(DigestHarness.Monday.AddSeconds(3)));
        await hub.PlanWeeklyAsync(DigestHarness.Monday.AddMinutes(5));

        // A host takes the first batch, sends it, and dies before deleting the message: it comes back.
        var queue = hub.Storage.Queue(Triggers.Queues.Digest);
        var firstMessage = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value;
        await hub.Get<SendDigestBatch>().HandleAsync(Parse(firstMessage), CancellationToken.None);
        await Task.Delay(1200);

        // Recovery: every message is handled, each one twice and in parallel, as by two hosts.
        await DrainAsync(hub, deliveries: 2);

        var expected = Expected(people, items);
        var received = Received(sendGrid);
        Assert.Equal(expected.Keys.Order(), received.Keys.Order());
        Assert.All(received, r => Assert.Single(r.Value));
        var batches = (int)Math.Ceiling(people.Count(p => p.Frequency == "weekly" && p.Status == "active") / 1000.0);
        Assert.Equal(batches, sendGrid.Accepted.Count);
        var run = await RunRowAsync(hub);
        Assert.Equal(expected.Count, run.GetInt64("Sent"));
        Assert.Equal(0, run.GetInt64("Uncertain"));
    }

    [Fact]
    public async Task A_crash_between_SendGrid_accepting_a_batch_and_the_ledger_update_sends_that_batch_nobody_twice_and_is_counted_uncertain()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var hub = await DigestHarness.StartAsync(azurite, sendGrid, services =>
            services.Replace(ServiceDescriptor.Singleton<ISendGridClient>(sp =>
                new DiesAfterFirstSend(new SendGridClient(new HttpClient(), new SendGridClientOptions { ApiKey = "SG.test-key", Host = sendGrid.Url })))));
        var items = await hub.PublishAsync(12);
        var people = DigestHarness.People(People);
        await hub.SeedAsync(people);

        await hub.PlanWeeklyAsync(DigestHarness.Monday);
        await DrainAsync(hub, deliveries: 1, retryFailures: true);

        var expected = Expected(people, items);
        var received = Received(sendGrid);
        Assert.Equal(expected.Keys.Order(), received.Keys.Order());
        Assert.All(received, r => Assert.Single(r.Value));
        var run = await RunRowAsync(hub);
        var firstBatch = sendGrid.Accepted.First().RootElement.GetProperty("personalizations").GetArrayLength();
        Assert.Equal(firstBatch, run.GetInt64("Uncertain"));
        Assert.Equal(expected.Count - firstBatch, run.GetInt64("Sent"));
    }

    [Fact]
    public async Task A_batch_SendGrid_keeps_failing_ends_in_the_poison_queue_with_its_error_and_the_run_counts_it_failed()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        sendGrid.Decide = () => 503;
        await using var hub = await DigestHarness.StartAsync(azurite, sendGrid);
        await hub.PublishAsync(3);
        await hub.SeedAsync(DigestHarness.People(20).Select(p => p with { Regions = [], Topics = [], Frequency = "weekly", Status = "active" }).ToList());

        await hub.PlanWeeklyAsync(DigestHarness.Monday);
        await DrainAsync(hub, deliveries: 1, retryFailures: true);

        var poisoned = (await hub.Storage.Queue(Triggers.Queues.Digest + Triggers.Queues.PoisonSuffix).PeekMessageAsync()).Value;
        Assert.Contains("503", poisoned.Body.ToString());
        var run = await RunRowAsync(hub);
        Assert.Equal(20, run.GetInt64("Failed"));
        Assert.Equal(0, run.GetInt64("Sent"));
        Assert.Equal(5 * 4, sendGrid.Requests.Count); // five deliveries of four calls each
    }

    /// <summary>Handles every digest message until the queue is empty; each handled <paramref name="deliveries"/> times in parallel.</summary>
    internal static async Task DrainAsync(DigestHarness hub, int deliveries = 1, bool retryFailures = false)
    {
        var queue = hub.Storage.Queue(Triggers.Queues.Digest);
        var handler = hub.Get<SendDigestBatch>();
        for (var round = 0; round < 200; round++)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (messages.Length == 0)
            {
                var peek = (await queue.PeekMessagesAsync(1)).Value;
                if (peek.Length == 0)
                {
                    return;
                }
                await Task.Delay(200);
                continue;
            }
            await Task.WhenAll(messages.Select(async m =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, deliveries).Select(async _ =>
                {
                    try
                    {
                        await handler.HandleAsync(Parse(m), CancellationToken.None);
                        return true;
                    }
                    catch (Exception) when (retryFailures || deliveries > 1)
                    {
                        return false;
                    }
                }));
                if (results.Any(ok => ok))
                {
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                }
                else
                {
                    await queue.UpdateMessageAsync(m.MessageId, m.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                }
            }));
        }
        throw new TimeoutException("The digest queue never emptied.");
    }

    private static DigestBatchMessage Parse(QueueMessage message) => HubJson.Deserialize<DigestBatchMessage>(message.Body);

    private static async Task<TableEntity> RunRowAsync(DigestHarness hub)
    {
        var runs = hub.Storage.Table(Hub.Storage.HubStorage.TableNames.Digests);
        return await runs.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"run-weekly"}")).SingleAsync();
    }

    /// <summary>What each confirmed weekly subscriber should get: the ids of matching items, worked out here independently.</summary>
    internal static Dictionary<string, string> Expected(IReadOnlyList<SeededSubscriber> people, IReadOnlyList<PublishedItem> items) =>
        people.Where(p => p.Frequency == "weekly" && p.Status == "active")
            .Select(p => (p.Email, Items: items.Where(i =>
                    (p.Regions.Count == 0 || i.Region == "" || i.Region == "uk-wide" || p.Regions.Contains(i.Region))
                    && (p.Topics.Count == 0 || i.Topics.Intersect(p.Topics).Any()))
                .Select(i => i.Url).ToList()))
            .Where(p => p.Items.Count > 0)
            .ToDictionary(p => p.Email, p => string.Join(" ", p.Items.Order()));

    /// <summary>For each address, the item URLs of each digest SendGrid accepted for it.</summary>
    internal static Dictionary<string, List<string>> Received(FakeSendGrid sendGrid)
    {
        var received = new Dictionary<string, List<string>>();
        foreach (var request in sendGrid.Accepted)
        {
            var sections = request.RootElement.GetProperty("sections").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetString()!);
            foreach (var p in request.RootElement.GetProperty("personalizations").EnumerateArray())
            {
                var email = p.GetProperty("to")[0].GetProperty("email").GetString()!;
                var tags = p.GetProperty("substitutions").GetProperty(DigestContent.ItemsHtml).GetString()!;
                var urls = System.Text.RegularExpressions.Regex.Matches(tags, "%h\\d+%")
                    .Select(m => System.Text.RegularExpressions.Regex.Match(sections[m.Value], "href=\"([^\"]+)\"").Groups[1].Value).Order();
                (received.TryGetValue(email, out var list) ? list : received[email] = []).Add(string.Join(" ", urls));
            }
        }
        return received;
    }

    /// <summary>SendGrid takes the first request, then the process "dies" before it hears the answer.</summary>
    private sealed class DiesAfterFirstSend(ISendGridClient inner) : ISendGridClient
    {
        private int _calls;

        public async Task<Response> SendEmailAsync(SendGridMessage msg, CancellationToken cancellationToken = default)
        {
            var response = await inner.SendEmailAsync(msg, cancellationToken);
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new HttpRequestException("The connection dropped after SendGrid took the request.");
            }
            return response;
        }

        public string UrlPath { get => inner.UrlPath; set => inner.UrlPath = value; }
        public string Version { get => inner.Version; set => inner.Version = value; }
        public string MediaType { get => inner.MediaType; set => inner.MediaType = value; }
        public AuthenticationHeaderValue AddAuthorization(KeyValuePair<string, string> header) => inner.AddAuthorization(header);
        public Task<Response> MakeRequest(HttpRequestMessage request, CancellationToken cancellationToken = default) => inner.MakeRequest(request, cancellationToken);
        public Task<Response> RequestAsync(BaseClient.Method method, string? requestBody = null, string? queryParams = null, string? urlPath = null, CancellationToken cancellationToken = default) =>
            inner.RequestAsync(method, requestBody, queryParams, urlPath, cancellationToken);
    }
}
