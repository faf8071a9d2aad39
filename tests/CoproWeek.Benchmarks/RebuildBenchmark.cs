using System.Diagnostics;
using System.Globalization;
using CoproWeek.Hub;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Benchmarks;

/// <summary>
/// The full site rebuild a host asks for when the renderers' version changes (a new release, see <see cref="SiteBuild"/>):
/// the indexes queue's handler, <see cref="RebuildIndexes"/>, run once over a busy week held in the site index on
/// Azurite, as a release runs it: the recorded build is another release's, so every event's and story's own pages are
/// re-rendered in both languages too. Times it and counts the blobs it writes, and times the item-page part on its own.
/// </summary>
public sealed class RebuildBenchmark : IBenchmark
{
    public string Name => "rebuild";

    public string Description => "a release's full site rebuild (RebuildIndexes, item pages included) over 5,000 events + 500 stories on Azurite [--events N --stories N]";

    public async Task RunAsync(string[] args)
    {
        var eventCount = Option(args, "--events", 5_000);
        var storyCount = Option(args, "--stories", 500);
        // The queue-driven rebuild is switched off, so the only rebuild is the one timed here.
        await using var host = await BenchHost.StartAsync("--AzureWebJobs.RebuildIndexes.Disabled", "true");
        var year = DateTime.UtcNow.Year + 1;
        var events = SampleWeek.Events(eventCount, year);
        var stories = SampleWeek.Stories(storyCount, year);

        var seeding = Stopwatch.StartNew();
        var index = host.Get<SiteIndex>();
        var bodies = host.Get<PublishedBodies>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 32 };
        await Parallel.ForEachAsync(events, parallel, async (item, ct) =>
            await index.TryWriteAsync(new SiteEntry(item.Id, "event", item.Version, item.Slug, HubJson.Serialize(item.Details), item.PublishedAt, false, default), false, ct));
        await Parallel.ForEachAsync(stories, parallel, async (story, ct) =>
        {
            var (item, body) = story;
            await bodies.WriteAsync(item.Id, body, ct);
            await index.TryWriteAsync(new SiteEntry(item.Id, PublishPost.Kind, item.Version, item.Slug, HubJson.Serialize(item.Post), item.PublishedAt, false, default), false, ct);
        });
        var seeded = seeding.Elapsed;
        // As a new release finds the site: built by other renderers.
        await host.Get<HubStorage>().Container(HubStorage.ContainerNames.Hosts).GetBlobClient("site-build.json").UploadAsync(
            BinaryData.FromString("{\"renderers\":\"an-older-release\",\"builtAt\":\"2027-07-01T00:00:00+00:00\"}"), overwrite: true);

        var writer = host.Get<SiteWriter>();
        var before = writer.BlobsWritten;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var timer = Stopwatch.StartNew();
        await host.Get<RebuildIndexes>().HandleAsync(new RebuildMessage(DateTimeOffset.UtcNow), CancellationToken.None);
        var elapsed = timer.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var blobs = writer.BlobsWritten - before;

        var built = await host.Get<SiteBuild>().BuiltByAsync(CancellationToken.None);
        var bytes = 0L;
        await foreach (var blob in host.Get<HubStorage>().Site.GetBlobsAsync())
        {
            bytes += blob.Properties.ContentLength ?? 0;
        }

        // The item-page part of that release rebuild, run again on its own to time it (it is idempotent).
        var live = await host.Get<SiteIndex>().PublishedEventsAsync(CancellationToken.None);
        var posts = await host.Get<SiteIndex>().PublishedPostsAsync(CancellationToken.None);
        var fullText = await bodies.ReadAsync(posts.Select(p => p.Id), CancellationToken.None);
        before = writer.BlobsWritten;
        timer.Restart();
        var rebuilt = await host.Get<ItemPagesRebuild>().RenderAsync(live, posts, fullText, CancellationToken.None);
        var ownPages = timer.Elapsed;
        var ownBlobs = writer.BlobsWritten - before;
        Report.Table($"rebuild: {eventCount:N0} events + {storyCount:N0} stories on Azurite, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}",
        [
            ("seeding the site index (s, not timed below)", seeded.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)),
            ("full rebuild (s, wall)", elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)),
            ("full rebuild (s, CPU of the whole process)", cpuUsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)),
            ("blobs written", blobs.ToString("N0", CultureInfo.InvariantCulture)),
            ("pages (blobs) per second", (blobs / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)),
            ("bytes written (MiB)", (bytes / 1024.0 / 1024).ToString("N1", CultureInfo.InvariantCulture)),
            ("of which: every event's and story's own pages in both languages (s, timed again alone)", ownPages.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)),
            ("  its blobs, and blobs per second", $"{ownBlobs:N0}, {ownBlobs / ownPages.TotalSeconds:N0}"),
            ("  events, stories re-rendered (stories without a stored body kept)", $"{rebuilt.Events:N0}, {rebuilt.Stories:N0} ({rebuilt.StoriesWithoutBody:N0})"),
            ("renderers' version recorded", built == host.Get<SiteBuild>().Current ? "yes" : "NO"),
        ]);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
