using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CoproWeek.Host.Queues;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Benchmarks;

/// <summary>
/// Drains messages through the self-host's queue listener (trivial handler) and, in the same run, through a
/// plain QueueClient receive-and-delete loop with the same batch size, and prints both rates and their ratio.
/// </summary>
public sealed class QueuesBenchmark : IBenchmark
{
    public string Name => "queues";
    public string Description => "10,000 messages: the self-host's queue listener against a plain receive-and-delete loop";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var options = new QueueListenerOptions { BatchSize = 16, MaxPollingInterval = TimeSpan.FromSeconds(2), MessageLease = TimeSpan.FromMinutes(5) };
        await using var azurite = await BenchStorage.StartAsync();
        var storage = new HubStorage(
            new TableServiceClient(azurite.ConnectionString),
            new BlobServiceClient(azurite.ConnectionString),
            new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }),
            Options.Create(new StorageOptions { Prefix = "bench" }));

        var listenerQueue = storage.Queue("email");
        var plainQueue = storage.Queue("publish");

        // Warm both paths (JIT, connections, the emulator) on a few hundred messages before anything is timed.
        const int warmUp = 300;
        await FillAsync(listenerQueue, warmUp);
        await TimeListenerAsync(storage, listenerQueue, options, warmUp);
        await FillAsync(plainQueue, warmUp);
        await TimePlainLoopAsync(plainQueue, options.BatchSize, warmUp);

        // One queue at a time: the emulator's cost per operation grows with the messages it holds in all queues,
        // so each drain must start from the same storage state to be a fair comparison.
        await FillAsync(listenerQueue, count);
        var listenerSeconds = await TimeListenerAsync(storage, listenerQueue, options, count);
        await FillAsync(plainQueue, count);
        var plainSeconds = await TimePlainLoopAsync(plainQueue, options.BatchSize, count);

        var listenerRate = count / listenerSeconds;
        var plainRate = count / plainSeconds;
        Report.Table($"queues: {count:N0} messages, batch size {options.BatchSize}, Azurite on loopback", new List<(string, string)>
        {
            ("self-host listener, messages/s", listenerRate.ToString("N0")),
            ("self-host listener, seconds", listenerSeconds.ToString("N2")),
            ("plain receive-and-delete loop, messages/s", plainRate.ToString("N0")),
            ("plain receive-and-delete loop, seconds", plainSeconds.ToString("N2")),
            ("listener / plain loop", (listenerRate / plainRate).ToString("N2") + "x (goal: 0.8x or better)"),
        });
    }

    private static async Task FillAsync(QueueClient queue, int count)
    {
        await queue.CreateIfNotExistsAsync();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            await queue.SendMessageAsync($"{{\"n\":{i}}}", ct);
            if (Interlocked.Increment(ref sent) % 1000 == 0)
            {
                await Console.Error.WriteLineAsync($"  {queue.Name}: {sent:N0} sent, {clock.Elapsed.TotalSeconds:F1} s");
            }
        });
    }

    private static async Task<double> TimeListenerAsync(HubStorage storage, QueueClient queue, QueueListenerOptions options, int count)
    {
        var handled = 0;
        var done = new TaskCompletionSource();
        var listener = new QueueListener("Benchmark", queue, storage.Queue("email-poison"),
            (_, _, _) =>
            {
                if (Interlocked.Increment(ref handled) == count)
                {
                    done.TrySetResult();
                }
                return Task.CompletedTask;
            },
            options, new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            new QueueActivity(), "email", TimeProvider.System, NullLogger.Instance);

        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var run = listener.RunAsync(stop.Token);
        await done.Task;
        await stop.CancelAsync();
        await run; // waits for the last deletes
        clock.Stop();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> TimePlainLoopAsync(QueueClient queue, int batchSize, int count)
    {
        var handled = 0;
        var clock = Stopwatch.StartNew();
        while (handled < count)
        {
            var messages = (await queue.ReceiveMessagesAsync(batchSize, TimeSpan.FromMinutes(5))).Value;
            await Task.WhenAll(messages.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt)));
            handled += messages.Length;
        }
        clock.Stop();
        return clock.Elapsed.TotalSeconds;
    }
}
