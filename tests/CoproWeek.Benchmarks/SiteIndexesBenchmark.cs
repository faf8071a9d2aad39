using System.Diagnostics;
using System.Text;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;

namespace CoproWeek.Benchmarks;

/// <summary>
/// How long the publisher's index rebuild spends rendering: every list and filter page, calendar.ics, events.json and
/// the sitemap for N events (pure rendering, no storage). <c>-- site-indexes [events=5000] [out=dir]</c>.
/// </summary>
public sealed class SiteIndexesBenchmark : IBenchmark
{
    public string Name => "site-indexes";
    public string Description => "render all event list pages, calendar.ics, events.json and sitemap for N events";

    public Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5000;
        var output = args.Length > 1 ? args[1] : null;
        var options = new SiteOptions { PublicUrl = "https://www.coproductionweek.example", ApiUrl = "https://hub.coproductionweek.example" };
        var now = new DateTimeOffset(2027, 7, 1, 9, 0, 0, TimeSpan.FromHours(1));
        var events = Generate(count, now);

        EventSite.Indexes(events, now, options); // warm up: JIT and the time zone database
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var files = EventSite.Indexes(events, now, options);
        var elapsed = stopwatch.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var parts = new (string, Action)[]
        {
            ("  list and filter pages", () => EventList.RenderPages(events, now, options)),
            ("  calendar.ics", () => EventCalendar.ForAll(events, now, options)),
            ("  events.json", () => EventsJson.Render(events, now, options)),
            ("  sitemap.xml", () => Sitemap.Render(events, options)),
        }.Select(p =>
        {
            var watch = Stopwatch.StartNew();
            p.Item2();
            return (p.Item1, $"{watch.Elapsed.TotalMilliseconds:N0} ms wall");
        }).ToList();

        string Size(string path) => $"{Encoding.UTF8.GetByteCount(files.Single(f => f.Path == path).Content) / 1024.0 / 1024:N2} MiB";
        Report.Table($"Site indexes for {count:N0} events (EventSite.Indexes)", [
            ("all indexes", $"{elapsed.TotalMilliseconds:N0} ms wall, {cpuUsed.TotalMilliseconds:N0} ms CPU"),
            .. parts,
            ("files", $"{files.Count}, {files.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Content)) / 1024.0 / 1024:N1} MiB"),
            ("events/index.html", Size(SitePaths.Events)),
            ("calendar.ics", Size(SitePaths.Calendar)),
            ("events.json", Size(SitePaths.EventsJson)),
            ("sitemap.xml", Size(SitePaths.Sitemap)),
        ]);

        if (output is not null)
        {
            foreach (var file in files.Concat(EventSite.FixedFiles(options)).Concat(EventSite.EventFiles(events[0], options)))
            {
                Write(output, file.Path, file.Content);
            }
        }
        return Task.CompletedTask;
    }

    private static void Write(string root, string path, string content)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
    }

    // Realistic spread: a week of events across every region, format and topic, a few access needs each.
    private static PublishedEvent[] Generate(int count, DateTimeOffset now)
    {
        var random = new Random(42);
        return Enumerable.Range(0, count).Select(i =>
        {
            var start = now.AddDays(random.Next(0, 10)).AddMinutes(30 * random.Next(0, 20));
            var format = Vocabulary.Formats[random.Next(Vocabulary.Formats.Count)].Id;
            var details = new EventDetails
            {
                Title = $"Co-production event number {i}: planning together, with tea",
                Summary = "People who use services and staff plan next year's support together, as equals. Everyone is welcome.",
                Description = string.Join("\n\n", Enumerable.Repeat("We will share what people told us, then plan together in small groups.", 4)),
                Organiser = new Organiser { Name = $"Organisation {i % 400}", Website = "https://example.org/" },
                Contact = new Contact { Name = "Private", Email = "private@example.org" },
                Start = start,
                End = start.AddHours(2),
                Format = format,
                Venue = format == "online" ? null : new Venue { Name = "Community Centre", Address = "1 High Street, Town", Postcode = "AB1 2CD" },
                Online = format == "in-person" ? null : new OnlineDetails { JoiningInfo = "We will email a link." },
                Region = Vocabulary.Regions[random.Next(Vocabulary.Regions.Count)].Id,
                Topics = Vocabulary.Topics.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(t => t.Id).ToArray(),
                Cost = random.Next(3) == 0 ? "£5, free for people with lived experience" : "free",
                BookingUrl = "https://tickets.example/" + i,
                Access = new Access { StepFree = random.Next(2) == 0, Bsl = random.Next(4) == 0, Captions = random.Next(3) == 0, QuietSpace = random.Next(3) == 0 },
            };
            return new PublishedEvent($"evt-{i}", $"event-{i}", 1, details, now.AddDays(-random.Next(1, 30)));
        }).ToArray();
    }
}
