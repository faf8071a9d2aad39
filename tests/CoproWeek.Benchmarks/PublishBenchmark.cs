using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Benchmarks;

/// <summary>
/// Approves 1,000 events in a burst into a calendar already holding 5,000, through the real publish and index
/// queues, and reports the total time, the blobs written and how many full index rebuilds it took.
/// </summary>
public sealed class PublishBenchmark : IBenchmark
{
    public string Name => "publish";
    public string Description => "approve 1,000 events in a burst into a calendar of 5,000: time, blobs written, full rebuilds";

    public async Task RunAsync(string[] args)
    {
        var existing = args.Length > 0 ? int.Parse(args[0]) : 5_000;
        var burst = args.Length > 1 ? int.Parse(args[1]) : 1_000;
        await using var host = await BenchHost.StartAsync();
        var storage = host.Get<HubStorage>();
        var now = DateTimeOffset.UtcNow;

        await SeedPublishedAsync(storage, existing, now);
        var ids = await SeedApprovedAsync(host.Get<SubmissionStore>(), existing, burst, now);
        await Task.Delay(2000); // let the start-up rebuild finish before counting
        var writer = host.Get<SiteWriter>();
        var rebuilds = host.Get<IndexRebuilds>();
        var blobsBefore = writer.BlobsWritten;
        var rebuildsBefore = await rebuilds.CountAsync(CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var queues = host.Get<QueueSender>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (id, ct) => await queues.SendAsync(Triggers.Queues.Publish, new PublishMessage(id, 1), ct));
        var sent = clock.Elapsed;
        var total = existing + burst;
        while (await ListedAsync(storage) < total)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(20))
            {
                throw new TimeoutException("The burst was not all listed within 20 minutes.");
            }
            await Task.Delay(250);
        }
        clock.Stop();

        var rebuildCount = await rebuilds.CountAsync(CancellationToken.None) - rebuildsBefore;
        Report.Table($"publish: {burst:N0} approvals in a burst into a calendar of {existing:N0}", new List<(string, string)>
        {
            ("messages sent in, s", sent.TotalSeconds.ToString("N1")),
            ("until all are in events.json, s", clock.Elapsed.TotalSeconds.ToString("N1")),
            ("events published per second", (burst / clock.Elapsed.TotalSeconds).ToString("N0")),
            ("blobs written", (writer.BlobsWritten - blobsBefore).ToString("N0")),
            ("full index rebuilds", rebuildCount.ToString("N0") + $" (one per approval would be {burst:N0})"),
        });
    }

    private static async Task<int> ListedAsync(HubStorage storage)
    {
        try
        {
            var json = (await storage.Site.GetBlobClient("events/events.json").DownloadContentAsync()).Value.Content;
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.GetArrayLength()
                : doc.RootElement.GetProperty("events").GetArrayLength();
        }
        catch (Azure.RequestFailedException)
        {
            return 0;
        }
    }

    private static async Task SeedPublishedAsync(HubStorage storage, int count, DateTimeOffset now)
    {
        var table = storage.Table(HubStorage.TableNames.SiteIndex);
        await Parallel.ForEachAsync(Enumerable.Range(0, count).Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
        {
            var actions = chunk.Select(n =>
            {
                var id = $"{n:D20}";
                var details = HubJson.Deserialize<EventDetails>(SampleEvents.Json(n).ToJsonString()) with { Contact = new Contact() };
                return new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("event", id)
                {
                    ["Version"] = 1,
                    ["Slug"] = Slugs.For(details.Title, id),
                    ["PublicJson"] = HubJson.Serialize(details),
                    ["PublishedAt"] = now,
                    ["Withdrawn"] = false,
                });
            }).ToList();
            await table.SubmitTransactionAsync(actions, ct);
        });
    }

    private static async Task<IReadOnlyList<string>> SeedApprovedAsync(SubmissionStore submissions, int offset, int count, DateTimeOffset now)
    {
        var ids = Enumerable.Range(0, count).Select(_ => SubmissionStore.NewId()).ToList();
        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, ct) =>
        {
            var json = SampleEvents.Json(offset + item.i).ToJsonString();
            var details = HubJson.Deserialize<EventDetails>(json);
            await submissions.InsertAsync(new Submission
            {
                Id = item.id,
                Kind = "event",
                Slug = Slugs.For(details.Title, item.id),
                Status = SubmissionStatus.Approved,
                Version = 1,
                DetailsJson = json,
                ManageTokenHash = "unused",
                ContactEmail = details.Contact.Email,
                Submitted = now,
                Updated = now,
            }, ct);
        });
        return ids;
    }
}
