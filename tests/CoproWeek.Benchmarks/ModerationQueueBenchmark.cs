using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Benchmarks;

/// <summary>
/// How fast a moderator gets a page of the queue with N items waiting: the first page, and a later page reached by
/// continuation tokens, each timed through the real handler (key check, throttle, the review partition's page and a
/// point read per item). <c>-- moderation-queue [items=10000] [samples=200] [page=50]</c>.
/// </summary>
public sealed class ModerationQueueBenchmark : IBenchmark
{
    public string Name => "moderation-queue";
    public string Description => "p50/p95 of the first and a later page of the moderation queue with 10,000 items waiting";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var samples = args.Length > 1 ? int.Parse(args[1]) : 200;
        var laterPage = args.Length > 2 ? int.Parse(args[2]) : 50;
        await using var bench = await BenchServices.StartAsync();
        var services = bench.Services;
        var storage = services.GetRequiredService<HubStorage>();

        var seeding = Stopwatch.StartNew();
        await SeedAsync(storage, services.GetRequiredService<SubmissionStore>(), count);
        var seeded = seeding.Elapsed;
        var key = await services.GetRequiredService<Moderators>().AddAsync("Benchmark", CancellationToken.None);
        var api = services.GetRequiredService<ModerationApi>();

        for (var i = 0; i < 20; i++)
        {
            await PageAsync(services, api, key, null); // warm up: JIT, connections, the emulator
        }
        string? token = null;
        var walk = Stopwatch.StartNew();
        for (var page = 1; page < laterPage; page++)
        {
            (_, token) = await PageAsync(services, api, key, token);
        }
        var walked = walk.Elapsed;

        var first = await BenchServices.TimeAsync(samples, () => PageAsync(services, api, key, null), CheckFullPage);
        var later = await BenchServices.TimeAsync(samples, () => PageAsync(services, api, key, token), CheckFullPage);
        Report.Table($"moderation-queue: {count:N0} items waiting, pages of {ModerationQueue.DefaultPageSize}, {samples} samples each, Azurite on loopback", [
            ("seeding (rows + review partition)", $"{seeded.TotalSeconds:N1} s"),
            ("first page p50", $"{Report.Percentile(first, 50):N1} ms"),
            ("first page p95", $"{Report.Percentile(first, 95):N1} ms"),
            ($"page {laterPage} p50 (by its token)", $"{Report.Percentile(later, 50):N1} ms"),
            ($"page {laterPage} p95 (by its token)", $"{Report.Percentile(later, 95):N1} ms"),
            ($"walking pages 1 to {laterPage - 1}", $"{walked.TotalMilliseconds:N0} ms ({walked.TotalMilliseconds / (laterPage - 1):N1} ms a page)"),
            ("machine load (1 min)", File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a"),
        ]);
    }

    private static void CheckFullPage((int Items, string? Token) page)
    {
        if (page.Items != ModerationQueue.DefaultPageSize)
        {
            throw new InvalidOperationException($"A page held {page.Items} items, not {ModerationQueue.DefaultPageSize}.");
        }
    }

    private static async Task<(int Items, string? Token)> PageAsync(IServiceProvider services, ModerationApi api, string key, string? token)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Headers.Authorization = "Bearer " + key;
        if (token is not null)
        {
            context.Request.QueryString = QueryString.Create("continuationToken", token);
        }
        using var body = new MemoryStream();
        context.Response.Body = body;
        var result = await api.QueueAsync(context.Request, CancellationToken.None);
        await result.ExecuteAsync(context);
        if (context.Response.StatusCode != 200)
        {
            throw new InvalidOperationException($"The queue answered {context.Response.StatusCode}.");
        }
        using var json = JsonDocument.Parse(body.ToArray());
        var next = json.RootElement.TryGetProperty("continuationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (json.RootElement.GetProperty("items").GetArrayLength(), next);
    }

    // Each item is its own partition, so item rows go in one at a time (many at once); the review rows share one
    // partition and go in as transactions of 100.
    private static async Task SeedAsync(HubStorage storage, SubmissionStore submissions, int count)
    {
        var start = new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.Zero);
        var items = Enumerable.Range(0, count).Select(i => new Submission
        {
            Id = SubmissionStore.NewId(),
            Kind = "event",
            Slug = $"held-event-{i}",
            Status = SubmissionStatus.Held,
            Version = 1,
            DetailsJson = HubJson.Serialize(new { title = $"Held event number {i}", summary = "Waiting for a person." }),
            ManageTokenHash = "",
            ContactEmail = "private@example.org",
            Submitted = start.AddSeconds(i),
            Updated = start.AddSeconds(i),
            Findings = [new Finding("links", "The description has 4 links; we check events with more than 3.")],
        }).ToList();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (item, ct) => await submissions.InsertAsync(item, ct));
        var review = storage.Table(HubStorage.TableNames.Submissions);
        await Parallel.ForEachAsync(items.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await review.SubmitTransactionAsync(chunk.Select(s => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(ReviewQueue.Partition, ReviewQueue.RowKeyOf(s)) { ["ItemId"] = s.Id, ["Kind"] = s.Kind })), ct));
    }
}
