using System.Diagnostics;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Benchmarks;

/// <summary>
/// One weekly digest to N confirmed subscribers seeded in Azurite, through the real PlanDigest and
/// SendDigestBatch handlers against a local SendGrid stand-in: requests, wall time and peak memory.
/// </summary>
public sealed class DigestBenchmark : IBenchmark
{
    private static readonly DateTimeOffset Monday = new(2027, 7, 12, 7, 0, 0, TimeSpan.Zero);

    public string Name => "digest";
    public string Description => "one weekly digest to 10,000 and 100,000 subscribers (sizes as args: digest 10000 100000)";

    public async Task RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [10_000, 100_000];
        await using var azurite = await BenchStorage.StartAsync();
        await using var sendGrid = await BenchSendGrid.StartAsync();
        foreach (var size in sizes)
        {
            await RunOnceAsync(azurite.ConnectionString, sendGrid, size);
        }
    }

    private static async Task RunOnceAsync(string connection, BenchSendGrid sendGrid, int size)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Storage:Prefix"] = "bench" + size,
            ["Subscriptions:AddressHashKey"] = "benchmark-address-hash-key-of-enough-length",
            ["DigestWeeklySchedule"] = "0 0 7 * * 1",
            ["DigestDailySchedule"] = "0 0 7 * * *",
            ["SendGrid:ApiKey"] = "SG.bench",
            ["SendGrid:Host"] = sendGrid.Url,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddCoproWeek(configuration);
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<HubStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);

        var seeding = Stopwatch.StartNew();
        await SeedAsync(provider, size);
        seeding.Stop();

        sendGrid.Reset();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var managedBefore = GC.GetTotalMemory(true);
        long managedPeak = managedBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref managedPeak))
                {
                    Interlocked.Exchange(ref managedPeak, now);
                }
                await Task.Delay(20);
            }
        });

        var wall = Stopwatch.StartNew();
        await provider.GetRequiredService<PlanDigest>().PlanWeeklyAsync(new TimerTick(Monday.AddSeconds(1), false), CancellationToken.None);
        var planned = wall.Elapsed;
        await DrainAsync(provider, concurrency: 4);
        wall.Stop();
        await sampling.CancelAsync();
        await sampler;

        var run = (await storage.Table(HubStorage.TableNames.Digests).GetEntityAsync<TableEntity>("run-weekly", DigestRuns.RunId("weekly", Monday))).Value;
        using var process = Process.GetCurrentProcess();
        Report.Table($"digest: {size:N0} subscribers", [
            ("seeding (parallel inserts)", $"{seeding.Elapsed.TotalSeconds:F1} s"),
            ("planned / sent (run row)", $"{run.GetInt64("Planned"):N0} / {run.GetInt64("Sent"):N0}"),
            ("SendGrid requests", $"{sendGrid.Requests} (goal ≤ {(size + 999) / 1000})"),
            ("SendGrid recipients", $"{sendGrid.Recipients:N0}"),
            ("wall time: plan", $"{planned.TotalSeconds:F1} s"),
            ("wall time: plan + send", $"{wall.Elapsed.TotalSeconds:F1} s"),
            ("managed heap high-water", $"{managedPeak / 1048576.0:F0} MiB (at start {managedBefore / 1048576.0:F0} MiB)"),
            ("process peak working set", $"{process.PeakWorkingSet64 / 1048576.0:F0} MiB (whole process so far)"),
        ]);
        await storage.DeleteAllAsync(CancellationToken.None);
    }

    private static async Task SeedAsync(IServiceProvider provider, int size)
    {
        var table = provider.GetRequiredService<HubStorage>().Table(HubStorage.TableNames.Subscribers);
        var published = provider.GetRequiredService<PublishedItems>();
        var hasher = provider.GetRequiredService<AddressHasher>();
        for (var i = 0; i < 30; i++)
        {
            await published.RecordAsync(new PublishedItem($"item-{i}", "event", 1, $"Event {i}", "A co-produced event.", $"https://coproweek.example/events/{i}/",
                Vocabulary.Regions[i % Vocabulary.Regions.Count].Id, [Vocabulary.Topics[i % Vocabulary.Topics.Count].Id], Monday.AddDays(-5).AddHours(i), Monday.AddDays(10), false), CancellationToken.None);
        }
        // Each subscriber is its own partition (keyed by address hash), so seeding is many parallel single writes.
        await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            await table.UpsertEntityAsync(new Subscriber
            {
                Id = hasher.Hash($"reader{i}@example.org"), Email = $"reader{i}@example.org", Status = SubscriberStatus.Active, Frequency = "weekly",
                Regions = i % 3 == 0 ? "" : Vocabulary.Regions[i % 13].Id, Topics = i % 2 == 0 ? "" : Vocabulary.Topics[i % 10].Id, CreatedAt = Monday.AddDays(-30),
            }.ToEntity(), TableUpdateMode.Replace, ct)); // an upsert, so an SDK retry of a slow insert that did land is harmless
    }

    /// <summary>Handles digest messages as a host's queue listener would, a few at a time, deleting each after success.</summary>
    private static async Task DrainAsync(IServiceProvider provider, int concurrency)
    {
        var queue = provider.GetRequiredService<HubStorage>().Queue(Triggers.Queues.Digest);
        var handler = provider.GetRequiredService<SendDigestBatch>();
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(concurrency, TimeSpan.FromMinutes(5))).Value;
            if (messages.Length == 0)
            {
                return;
            }
            await Task.WhenAll(messages.Select(async m =>
            {
                await handler.HandleAsync(HubJson.Deserialize<DigestBatchMessage>(m.Body), CancellationToken.None);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }));
        }
    }
}
