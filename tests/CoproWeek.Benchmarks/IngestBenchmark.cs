using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace CoproWeek.Benchmarks;

/// <summary>
/// POST /api/events from 32 concurrent clients for 30 s against the self-host and, in the same run, the same
/// storage work done directly with the SDK (one table insert and one queue message per event, same concurrency).
/// </summary>
public sealed class IngestBenchmark : IBenchmark
{
    public string Name => "ingest";
    public string Description => "POST /api/events from 32 clients for 30 s, against the bare storage work";

    public async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0]) : 30;
        const int clients = 32;
        await using var host = await BenchHost.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.Url) };
        var counter = 0;

        var table = new TableClient(host.Azurite.ConnectionString, "benchdirect");
        await table.CreateIfNotExistsAsync();
        var queue = new QueueClient(host.Azurite.ConnectionString, "benchdirect", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        // The bare storage work first, on quiet storage; then the hub, whose own queue work competes with it as in real use.
        // Each gets a short warm-up and then the same measured time.
        await RunAsync(clients, TimeSpan.FromSeconds(3), () => DirectAsync(table, queue, Interlocked.Increment(ref counter)));
        var direct = await RunAsync(clients, TimeSpan.FromSeconds(seconds), () => DirectAsync(table, queue, Interlocked.Increment(ref counter)));
        // The emulator's cost per queue operation grows with every message it holds, so the hub starts from the same empty state.
        await queue.DeleteAsync();
        await table.DeleteAsync();

        await RunAsync(clients, TimeSpan.FromSeconds(3), async () => await PostAsync(http, Interlocked.Increment(ref counter)));
        var hub = await RunAsync(clients, TimeSpan.FromSeconds(seconds), async () => await PostAsync(http, Interlocked.Increment(ref counter)));

        Report.Table($"ingest: {clients} concurrent clients, {seconds} s each, self-host and Azurite on loopback", new List<(string, string)>
        {
            ("POST /api/events, requests/s", hub.Rate.ToString("N0")),
            ("POST /api/events, p50 ms", hub.P50.ToString("N1")),
            ("POST /api/events, p99 ms", hub.P99.ToString("N1")),
            ("POST /api/events, errors", hub.Errors.ToString()),
            ("direct SDK insert + message, ops/s", direct.Rate.ToString("N0")),
            ("direct SDK insert + message, p50 ms", direct.P50.ToString("N1")),
            ("direct SDK insert + message, p99 ms", direct.P99.ToString("N1")),
            ("hub / direct", (hub.Rate / direct.Rate).ToString("N2") + "x (goal: 0.8x or better)"),
        });
    }

    private static async Task PostAsync(HttpClient http, int n)
    {
        using var response = await http.PostAsJsonAsync("/api/events", SampleEvents.Json(n));
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"POST answered {(int)response.StatusCode}");
        }
    }

    private static async Task DirectAsync(TableClient table, QueueClient queue, int n)
    {
        var id = n.ToString("D20");
        await table.AddEntityAsync(new TableEntity(id, id) { ["DetailsJson"] = SampleEvents.Json(n).ToJsonString() });
        await queue.SendMessageAsync($"{{\"id\":\"{id}\",\"version\":1}}");
    }

    private sealed record Result(double Rate, double P50, double P99, int Errors);

    private static async Task<Result> RunAsync(int clients, TimeSpan duration, Func<Task> operation)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var sorted = latencies.Order().ToList();
        return new Result(sorted.Count / clock.Elapsed.TotalSeconds, Report.Percentile(sorted, 50), Report.Percentile(sorted, 99), errors);
    }
}
