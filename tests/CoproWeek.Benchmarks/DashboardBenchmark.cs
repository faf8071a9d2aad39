using System.Diagnostics;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Benchmarks;

/// <summary>
/// The campaign dashboard with a full week on the site: the stats JSON and the dashboard page (p50/p95, through the
/// real handlers: key or session check, the site index's partitions, the review queue, reports, the ModerationLog
/// joined with submission times), then the events CSV export, timed, with the managed heap sampled while it streams
/// to a sink that only counts bytes. <c>-- dashboard [events=5000] [stories=500] [samples=30]</c>.
/// </summary>
public sealed class DashboardBenchmark : IBenchmark
{
    public string Name => "dashboard";
    public string Description => "dashboard and stats p50/p95 with 5,000 live events and 500 stories; CSV export of 5,000 events (time, peak memory)";

    public async Task RunAsync(string[] args)
    {
        var events = args.Length > 0 ? int.Parse(args[0]) : 5_000;
        var stories = args.Length > 1 ? int.Parse(args[1]) : 500;
        var samples = args.Length > 2 ? int.Parse(args[2]) : 30;
        await using var bench = await BenchServices.StartAsync();
        var services = bench.Services;
        var storage = services.GetRequiredService<HubStorage>();

        var seeding = Stopwatch.StartNew();
        await SeedAsync(storage, services.GetRequiredService<SubmissionStore>(), events, stories);
        var seeded = seeding.Elapsed;
        var key = await services.GetRequiredService<Moderators>().AddAsync("Benchmark", CancellationToken.None);
        var identity = (await services.GetRequiredService<Moderators>().VerifyKeyWithIdAsync(key, CancellationToken.None))!.Value;
        var session = await services.GetRequiredService<ModeratorSessions>().StartAsync(identity.Name, identity.KeyId, CancellationToken.None);
        var dashboard = services.GetRequiredService<Dashboard>();
        var export = services.GetRequiredService<CsvExport>();

        Task<long> Stats() => CallAsync(services, c => c.Request.Headers.Authorization = "Bearer " + key, r => dashboard.StatsAsync(r, CancellationToken.None));
        Task<long> Page() => CallAsync(services, c => c.Request.Headers.Cookie = $"{ModerationPage.Cookie}={session}", r => dashboard.ShowAsync(r, CancellationToken.None));
        for (var i = 0; i < 3; i++)
        {
            await Stats(); // warm up: JIT, connections, the emulator
            await Page();
        }
        var statsTimes = await BenchServices.TimeAsync(samples, Stats);
        var pageTimes = await BenchServices.TimeAsync(samples, Page);

        // The export: streamed to a sink that keeps nothing, with the managed heap sampled every 2 ms while it runs.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });
        var sink = new CountingStream();
        var watch = Stopwatch.StartNew();
        var rows = await export.WriteEventsAsync(sink, CancellationToken.None);
        var exported = watch.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Report.Table($"dashboard: {events:N0} live events, {stories:N0} stories, {samples} samples each, Azurite on loopback", [
            ("seeding (items, site index, log)", $"{seeded.TotalSeconds:N1} s"),
            ("GET /api/moderation/stats p50", $"{Report.Percentile(statsTimes, 50):N0} ms"),
            ("GET /api/moderation/stats p95", $"{Report.Percentile(statsTimes, 95):N0} ms"),
            ("GET /api/moderate/dashboard p50", $"{Report.Percentile(pageTimes, 50):N0} ms"),
            ("GET /api/moderate/dashboard p95", $"{Report.Percentile(pageTimes, 95):N0} ms"),
            ($"events.csv: {rows:N0} rows, size", $"{sink.Length / 1024.0 / 1024.0:N2} MiB"),
            ("events.csv: time", $"{exported.TotalMilliseconds:N0} ms"),
            ("events.csv: peak managed heap above baseline", $"{(peak - baseline) / 1024.0 / 1024.0:N2} MiB (sampled every 2 ms)"),
            ("events.csv: allocated in all", $"{allocated / 1024.0 / 1024.0:N1} MiB"),
            ("machine load (1 min)", File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a"),
        ]);
    }

    private static async Task<long> CallAsync(IServiceProvider services, Action<HttpContext> arrange, Func<HttpRequest, Task<IResult>> handler)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        arrange(context);
        using var body = new MemoryStream();
        context.Response.Body = body;
        var result = await handler(context.Request);
        await result.ExecuteAsync(context);
        if (context.Response.StatusCode != 200)
        {
            throw new InvalidOperationException($"The dashboard answered {context.Response.StatusCode}.");
        }
        return body.Length;
    }

    private static async Task SeedAsync(HubStorage storage, SubmissionStore submissions, int eventCount, int storyCount)
    {
        var sent = new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.Zero);
        var week = new DateTimeOffset(2027, 7, 5, 10, 0, 0, TimeSpan.FromHours(1));
        var random = new Random(14);
        var items = new List<(Submission Item, string PublicJson)>(eventCount + storyCount);
        for (var i = 0; i < eventCount; i++)
        {
            var details = new EventDetails
            {
                Title = i % 97 == 0 ? $"=Formula-looking title {i}" : $"Co-production event number {i}",
                Summary = "People who use services and staff, working together.",
                Description = "An afternoon of talks and workshops.\n\nEveryone is welcome.",
                Organiser = new Organiser { Name = $"Organisation {i % 300}", Website = "https://example.org" },
                Contact = new Contact { Name = $"Organiser {i}", Email = $"organiser{i}@example.org" },
                Start = week.AddDays(random.Next(7)).AddHours(random.Next(9)),
                End = week.AddDays(1),
                Format = Vocabulary.Formats[random.Next(Vocabulary.Formats.Count)].Id,
                Region = Vocabulary.Regions[random.Next(Vocabulary.Regions.Count)].Id,
                Topics = [Vocabulary.Topics[random.Next(Vocabulary.Topics.Count)].Id, Vocabulary.Topics[random.Next(Vocabulary.Topics.Count)].Id],
                Cost = "free",
                Coproduction = new Coproduction { LivedExperienceInvolvement = "Planned together.", ParticipantsPaid = random.Next(3) == 0, ExpensesCovered = random.Next(2) == 0 },
                Access = new Access { StepFree = random.Next(2) == 0, Bsl = random.Next(5) == 0, HearingLoop = random.Next(3) == 0, Captions = random.Next(3) == 0 },
            };
            items.Add((Item("event", i, HubJson.Serialize(details), details.Contact.Email, sent.AddMinutes(i)), HubJson.Serialize(details with { Contact = new Contact() })));
        }
        for (var i = 0; i < storyCount; i++)
        {
            var details = new PostDetails { Title = $"Story number {i}", AuthorName = $"Author {i}", AuthorEmail = $"author{i}@example.org", BodyBlob = "posts/x/v1/body.md" };
            items.Add((Item("post", i, HubJson.Serialize(details), details.AuthorEmail, sent.AddMinutes(i)),
                HubJson.Serialize(new PublicPost { Title = details.Title, AuthorName = details.AuthorName, Summary = "A story from the week." })));
        }
        var log = storage.Table(HubStorage.TableNames.ModerationLog);
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (pair, ct) =>
        {
            await submissions.InsertAsync(pair.Item, ct);
            var person = pair.Item.Kind == "post";
            await log.AddEntityAsync(new TableEntity(pair.Item.Id, "v000001-approve")
            {
                ["Version"] = 1, ["Who"] = person ? "Benchmark" : ModerationLog.Auto, ["When"] = pair.Item.Submitted.AddSeconds(person ? 3600 : 3),
                ["Decision"] = "approve",
            }, ct);
        });
        var index = storage.Table(HubStorage.TableNames.SiteIndex);
        await Parallel.ForEachAsync(items.GroupBy(p => p.Item.Kind).SelectMany(g => g.Chunk(100)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await index.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(p.Item.Kind, p.Item.Id)
                {
                    ["Version"] = 1, ["Slug"] = p.Item.Slug, ["PublicJson"] = p.PublicJson, ["PublishedAt"] = p.Item.Submitted.AddMinutes(1), ["Withdrawn"] = false,
                })), ct));
    }

    private static Submission Item(string kind, int i, string detailsJson, string email, DateTimeOffset sent) => new()
    {
        Id = SubmissionStore.NewId(),
        Kind = kind,
        Slug = $"{kind}-{i}",
        Status = SubmissionStatus.Live,
        Version = 1,
        DetailsJson = detailsJson,
        ManageTokenHash = "",
        ContactEmail = email,
        Submitted = sent,
        Updated = sent,
    };

    /// <summary>A write-only stream that keeps nothing, only the count of bytes written.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
