using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using CoproWeek.Host.DevStorage;
using CoproWeek.Hub;

namespace CoproWeek.Benchmarks;

/// <summary>
/// POST /api/events from 32 concurrent clients for 30 s against the self-host and, in the same run, the same
/// storage work done directly with the SDK (one table insert and one queue message per event, same concurrency).
/// Each side gets an Azurite of its own, started fresh: the emulator slows down with every message it holds, so
/// a shared one would make whichever side runs second pay for the first side's backlog. The posting clients are
/// <see cref="LeanHttpClient"/>s unless asked otherwise, so that the load generator takes as little as it can of the
/// two cores the self-host and the emulator share.
/// </summary>
public sealed class IngestBenchmark : IBenchmark
{
    private const int Clients = 32;

    public string Name => "ingest";
    public string Description => "POST /api/events from 32 clients for 30 s, against the bare storage work (args: seconds, rounds, lean|httpclient)";

    public async Task RunAsync(string[] args)
    {
        var duration = TimeSpan.FromSeconds(args.Length > 0 ? int.Parse(args[0]) : 30);
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 5;
        var client = args.Length > 2 ? args[2] : "lean";
        if (client is not ("lean" or "httpclient"))
        {
            throw new ArgumentException("The client is lean (the default) or httpclient.");
        }
        var counter = 0;
        Func<int> next = () => Interlocked.Increment(ref counter);

        // The bare SDK work and the front door take turns, each round in the other order (AB, BA, AB...), so drift in the machine and
        // going first or second touch both alike; the ratio reported is the median of the rounds'.
        var pairs = new List<(Result Direct, Result FrontDoor)>();
        for (var round = 0; round < rounds; round++)
        {
            // The self-host with the two functions that follow each submission switched off, as an operator can with
            // AzureWebJobs.<name>.Disabled: the front door alone (the limit's append, one insert and one message, as the baseline).
            Task<Result> FrontDoor() => MeasureHubAsync(duration, next, client,
                "--" + $"AzureWebJobs.{Triggers.ModerateSubmission}.Disabled", "true",
                "--" + $"AzureWebJobs.{Triggers.SendEmail}.Disabled", "true");
            if (round % 2 == 0)
            {
                var direct = await MeasureDirectAsync(duration, next);
                pairs.Add((direct, await FrontDoor()));
            }
            else
            {
                var frontDoor = await FrontDoor();
                pairs.Add((await MeasureDirectAsync(duration, next), frontDoor));
            }
        }
        // The whole self-host: its listeners moderate, publish and email every submission while the clients keep posting.
        var hub = await MeasureHubAsync(duration, next, client);

        var medianDirect = Median(pairs.Select(p => p.Direct.Rate));
        var rows = new List<(string, string)>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (direct, frontDoor) = pairs[i];
            rows.Add(($"round {i + 1}: direct SDK insert + message, ops/s (p50 / p99 ms)", $"{direct.Rate:N0} ({direct.P50:N1} / {direct.P99:N1}), {direct.Errors} errors; CPU per op {direct.Cpu}"));
            rows.Add(($"round {i + 1}: front door, requests/s (p50 / p99 ms)", $"{frontDoor.Rate:N0} ({frontDoor.P50:N1} / {frontDoor.P99:N1}), {frontDoor.Errors} errors; CPU per request {frontDoor.Cpu}"));
            rows.Add(($"round {i + 1}: front door / direct", (frontDoor.Rate / direct.Rate).ToString("N2") + "x"));
        }
        rows.Add(("front door / direct, median of the rounds", Median(pairs.Select(p => p.FrontDoor.Rate / p.Direct.Rate)).ToString("N2") + "x (goal: 0.8x or better)"));
        rows.Add(("whole self-host, requests/s (p50 / p99 ms)", $"{hub.Rate:N0} ({hub.P50:N1} / {hub.P99:N1}), {hub.Errors} errors; CPU per request {hub.Cpu}"));
        rows.Add(("whole self-host / median direct", (hub.Rate / medianDirect).ToString("N2") + "x"));
        Report.Table($"ingest: {Clients} concurrent clients, {duration.TotalSeconds:F0} s per measurement after a 3 s warm-up, each on a fresh Azurite on loopback, {client} HTTP clients", rows);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<Result> MeasureDirectAsync(TimeSpan duration, Func<int> next)
    {
        await using var azurite = await BenchStorage.StartAsync();
        var table = new TableClient(azurite.ConnectionString, "benchdirect");
        await table.CreateIfNotExistsAsync();
        var queue = new QueueClient(azurite.ConnectionString, "benchdirect", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        // The front door counts each request against its client's hourly limit with one append to a blob; so does the baseline.
        var limits = new BlobContainerClient(azurite.ConnectionString, "benchlimits");
        await limits.CreateIfNotExistsAsync();
        var counter = limits.GetAppendBlobClient("submission/client");
        await counter.CreateIfNotExistsAsync();
        return await WarmAndMeasureAsync(azurite, duration, () => DirectAsync(table, queue, counter, next()));
    }

    private static async Task<Result> MeasureHubAsync(TimeSpan duration, Func<int> next, string client, params string[] settings)
    {
        await using var host = await BenchHost.StartAsync(settings);
        if (client == "httpclient")
        {
            using var http = new HttpClient { BaseAddress = new Uri(host.Url) };
            return await WarmAndMeasureAsync(host.Azurite, duration, () => PostAsync(http, next()));
        }
        var idle = new ConcurrentBag<LeanHttpClient>();
        try
        {
            return await WarmAndMeasureAsync(host.Azurite, duration, () => PostLeanAsync(idle, new Uri(host.Url), next()));
        }
        finally
        {
            foreach (var connection in idle)
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>
    /// A 3 s warm-up, then the measurement, with the processor time this process (load generator, and the
    /// self-host when there is one) and the emulator each spent per operation.
    /// </summary>
    private static async Task<Result> WarmAndMeasureAsync(Azurite azurite, TimeSpan duration, Func<Task> operation)
    {
        await RunAsync(TimeSpan.FromSeconds(3), operation);
        using var self = Process.GetCurrentProcess();
        var selfBefore = self.TotalProcessorTime;
        var azuriteBefore = azurite.ProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var result = await RunAsync(duration, operation);
        self.Refresh();
        var operations = Math.Max(1, result.Operations);
        return result with
        {
            ProcessCpuMs = (self.TotalProcessorTime - selfBefore).TotalMilliseconds / operations,
            AzuriteCpuMs = (azurite.ProcessorTime - azuriteBefore).TotalMilliseconds / operations,
            AllocatedKiB = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / operations,
        };
    }

    private static async Task PostAsync(HttpClient http, int n)
    {
        using var response = await http.PostAsJsonAsync("/api/events", SampleEvents.Json(n));
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"POST answered {(int)response.StatusCode}");
        }
    }

    /// <summary>The same POST on one of the lean clients' kept-alive connections, each used by one request at a time.</summary>
    private static async Task PostLeanAsync(ConcurrentBag<LeanHttpClient> idle, Uri url, int n)
    {
        var connection = idle.TryTake(out var kept) ? kept : new LeanHttpClient(url);
        try
        {
            var status = await connection.PostJsonAsync("/api/events", SampleEvents.Json(n).ToJsonString());
            if (status != 202)
            {
                throw new InvalidOperationException($"POST answered {status}");
            }
        }
        finally
        {
            idle.Add(connection);
        }
    }

    private static readonly BinaryData OneRequest = BinaryData.FromBytes([1]);

    private static async Task DirectAsync(TableClient table, QueueClient queue, AppendBlobClient counter, int n)
    {
        await counter.AppendBlockAsync(OneRequest.ToStream());
        var id = n.ToString("D20");
        await table.AddEntityAsync(new TableEntity(id, id) { ["DetailsJson"] = SampleEvents.Json(n).ToJsonString() });
        await queue.SendMessageAsync($"{{\"id\":\"{id}\",\"version\":1}}");
    }

    private sealed record Result(double Rate, double P50, double P99, int Errors, int Operations)
    {
        public double ProcessCpuMs { get; init; }
        public double AzuriteCpuMs { get; init; }
        public double AllocatedKiB { get; init; }
        public string Cpu => $"{ProcessCpuMs:N2} ms here ({AllocatedKiB:N0} KiB allocated) + {AzuriteCpuMs:N2} ms Azurite";
    }

    private static async Task<Result> RunAsync(TimeSpan duration, Func<Task> operation)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        Console.Error.WriteLine($"first error: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }));
        var sorted = latencies.Order().ToList();
        return new Result(sorted.Count / clock.Elapsed.TotalSeconds, Report.Percentile(sorted, 50), Report.Percentile(sorted, 99), errors, sorted.Count);
    }
}
