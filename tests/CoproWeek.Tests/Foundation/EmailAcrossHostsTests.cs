using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Foundation;

/// <summary>Exactly-once email where it is hardest: several real host processes competing for copies of the same emails.</summary>
[LongRunning]
public sealed partial class EmailAcrossHostsTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Emails = 40;
    private const int Copies = 4;

    [Fact]
    public async Task Two_self_hosts_draining_an_email_queue_full_of_copies_hand_each_email_to_SendGrid_once()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        await using var sendGrid = await FakeSendGrid.StartAsync();
        sendGrid.Delay = TimeSpan.FromMilliseconds(50); // so both hosts have copies in flight together
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage__Prefix"] = storage.Options.Prefix,
            ["SendGrid__ApiKey"] = "SG.test-key",
            ["SendGrid__Host"] = sendGrid.Url,
            ["SendGrid__MaxRateLimitWait"] = "00:00:01",
            ["SendGrid__ClaimTimeout"] = "00:00:03",
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00",
        };
        try
        {
            await using var first = await RunningHost.StartAsync(settings);
            await using var second = await RunningHost.StartAsync(settings);

            var copies = Enumerable.Range(0, Emails)
                .SelectMany(i => Enumerable.Repeat(new EmailMessage($"across-hosts-{i}", $"reader{i}@example.org", $"Email {i}", $"<p>Email {i}</p>", $"Email {i}", DateTimeOffset.UtcNow), Copies))
                .OrderBy(_ => Random.Shared.Next())
                .ToList();
            var queue = storage.Queue(Triggers.Queues.Email);
            await Parallel.ForEachAsync(copies, async (message, ct) => await queue.SendMessageAsync(HubJson.Serialize(message), ct));

            // Done when every copy, and every delayed re-check a copy left behind, has been handled.
            await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0,
                "both hosts to drain the email queue", TimeSpan.FromSeconds(120));

            output.WriteLine($"{copies.Count} copies of {Emails} emails: SendGrid got {sendGrid.Requests.Count} requests; " +
                $"host 1 sent {AcceptedBy(first)}, host 2 sent {AcceptedBy(second)}; copies that met a fresh claim and checked again later: " +
                $"{Rechecks().Count(first.Output) + Rechecks().Count(second.Output)}");
            var sentIds = sendGrid.Requests.Select(r => r.RootElement.GetProperty("personalizations")[0].TryGetProperty("custom_args", out var args)
                ? args.GetProperty("emailId").GetString()
                : r.RootElement.GetProperty("custom_args").GetProperty("emailId").GetString()).ToList();
            Assert.Equal(Enumerable.Range(0, Emails).Select(i => $"across-hosts-{i}").Order(), sentIds.Order());
            Assert.Equal(Emails, sendGrid.Accepted.Count);

            var states = new List<string>();
            await foreach (var row in storage.Table(HubStorage.TableNames.EmailLedger).QueryAsync<TableEntity>(r => r.RowKey == EmailLedger.RowKey))
            {
                states.Add(row.GetString("State"));
            }
            Assert.Equal(Enumerable.Repeat(EmailState.Sent, Emails), states);
            Assert.True(AcceptedBy(first) > 0 && AcceptedBy(second) > 0,
                $"both hosts should have sent some: {AcceptedBy(first)} and {AcceptedBy(second)}");
            Assert.Equal(Emails, AcceptedBy(first) + AcceptedBy(second));
            Assert.Empty(await PeekPoisonAsync(storage));
        }
        finally
        {
            await storage.DeleteAllAsync(CancellationToken.None);
        }
    }

    private static int AcceptedBy(RunningHost host) => Accepted().Count(host.Output);

    private static async Task<Azure.Storage.Queues.Models.PeekedMessage[]> PeekPoisonAsync(HubStorage storage) =>
        (await storage.Queue(Triggers.Queues.Email + Triggers.Queues.PoisonSuffix).PeekMessagesAsync(10)).Value;

    [GeneratedRegex(@"Email across-hosts-\d+ accepted by SendGrid")]
    private static partial Regex Accepted();

    [GeneratedRegex(@"Email across-hosts-\d+ is being sent by another delivery")]
    private static partial Regex Rechecks();
}
