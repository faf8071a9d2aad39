using System.Diagnostics;
using System.Globalization;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Search;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Benchmarks;

/// <summary>
/// Search in process at the size of a busy week: 5,000 events and 500 stories. Times building the Lucene index from the
/// catalogue, and then combined-filter and free-text searches (with highlighting and the page of results). Pure CPU.
/// </summary>
public sealed class SearchBenchmark : IBenchmark
{
    public string Name => "search";

    public string Description => "p50/p95 of combined filters and free text over 5,000 events + 500 stories, in process [--events N --stories N --queries N]";

    private static readonly string[] Words =
    [
        "workshop", "carers", "mental", "health", "housing", "festival", "webinar", "breakfast", "roadshow", "training", "youth", "research",
        "council", "library", "peer", "support", "family", "planning", "community", "dementia", "recovery", "advocacy", "Gŵyl", "cydgynhyrchu",
        "Caerdydd", "Abertawe", "café", "néighbourhood", "pantry", "art", "music", "garden", "walk", "story", "listening", "panel", "forum",
    ];

    public Task RunAsync(string[] args)
    {
        var events = Option(args, "--events", 5_000);
        var stories = Option(args, "--stories", 500);
        var queries = Option(args, "--queries", 2_000);
        var random = new Random(15);
        var options = new SiteOptions { PublicUrl = "https://www.coproductionweek.example", ApiUrl = "https://hub.coproductionweek.example" };
        var now = new DateTimeOffset(2027, 7, 1, 9, 0, 0, TimeSpan.Zero);
        var published = Enumerable.Range(0, events).Select(i => Event(i, random)).ToList();
        var posts = Enumerable.Range(0, stories).Select(i => Story(i, random, now)).ToList();
        var bodies = posts.ToDictionary(p => p.Id, _ => "<p>" + Sentence(random, 300) + "</p>");

        var built = Stopwatch.StartNew();
        var catalogue = SearchCatalogue.From(published, posts, now, options, bodies);
        var catalogueMs = built.Elapsed.TotalMilliseconds;
        var json = HubJson.Serialize(catalogue);
        built.Restart();
        using var index = new TextIndex(HubJson.Deserialize<SearchCatalogue>(json));
        var indexMs = built.Elapsed.TotalMilliseconds;

        // Warm up both paths.
        for (var i = 0; i < 200; i++)
        {
            index.Search(Filters(random));
            index.Search(FreeText(random));
        }
        var filterTimes = Time(queries, () => index.Search(Filters(random)).Total);
        var textTimes = Time(queries, () => index.Search(FreeText(random)).Total);
        var both = Time(queries, () => index.Search(Both(random)).Total);
        var storyKind = Time(queries, () => index.Search(StoryKindWords(random)).Total);
        var page = Time(Math.Max(100, queries / 10), () => SearchPage.Render(options, FreeText(random), index.Search(FreeText(random))).Length);

        var rows = new List<(string, string)>
        {
            ("events + stories", $"{events:N0} + {stories:N0}"),
            ("catalogue JSON (bytes)", json.Length.ToString("N0", CultureInfo.InvariantCulture)),
            ("building the catalogue (ms)", catalogueMs.ToString("N0", CultureInfo.InvariantCulture)),
            ("reading it and building the Lucene index (ms)", indexMs.ToString("N0", CultureInfo.InvariantCulture)),
        };
        foreach (var (label, times) in new[] { ("combined filters", filterTimes), ("free text", textTimes), ("words + filters", both), ("words + kind of story", storyKind), ("free text + results page HTML", page) })
        {
            rows.Add(($"{label}: p50 ms", Report.Percentile(times, 50).ToString("N2", CultureInfo.InvariantCulture)));
            rows.Add(($"{label}: p95 ms", Report.Percentile(times, 95).ToString("N2", CultureInfo.InvariantCulture)));
        }
        rows.Add(("goal: p95 under 50 ms in process", Report.Percentile(both, 95) < 50 && Report.Percentile(storyKind, 95) < 50 && Report.Percentile(textTimes, 95) < 50 && Report.Percentile(filterTimes, 95) < 50 ? "met" : "NOT met"));
        Report.Table($"search: {queries:N0} queries of each kind, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}", rows);
        return Task.CompletedTask;
    }

    private static List<double> Time(int count, Func<int> run)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static SearchQuery Read(params (string, string)[] values) =>
        SearchQuery.Read(new QueryCollection(values.GroupBy(v => v.Item1).ToDictionary(g => g.Key, g => new StringValues(g.Select(v => v.Item2).ToArray())))).Query;

    private static SearchQuery Filters(Random random) => Read(
        ("region", Pick(random, Vocabulary.Regions).Id), ("format", Pick(random, Vocabulary.Formats).Id),
        ("access", Pick(random, Vocabulary.AccessNeeds).Id), ("day", $"2027-07-{5 + random.Next(7):00}"), ("cost", random.Next(2) == 0 ? "free" : "paid"));

    private static SearchQuery StoryKindWords(Random random) => Read(("q", Pick(random, Words)), ("storyKind", Pick(random, StoryKinds.All).Id));

    private static SearchQuery FreeText(Random random) => Read(("q", random.Next(3) == 0 ? $"{Pick(random, Words)} {Pick(random, Words)}" : Pick(random, Words)));

    private static SearchQuery Both(Random random) => Read(("q", Pick(random, Words)), ("region", Pick(random, Vocabulary.Regions).Id), ("access", Pick(random, Vocabulary.AccessNeeds).Id));

    private static T Pick<T>(Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];

    private static string Sentence(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(random, Words)));

    private static PublishedEvent Event(int i, Random random)
    {
        var start = new DateTimeOffset(2027, 7, 5 + random.Next(7), 9 + random.Next(9), 0, 0, TimeSpan.FromHours(1));
        var format = Pick(random, Vocabulary.Formats).Id;
        return new PublishedEvent($"evt-{i}", $"event-{i}", 1, new EventDetails
        {
            Title = $"{Sentence(random, 4)} {i}",
            Summary = Sentence(random, 25),
            Description = Sentence(random, 120),
            Organiser = new Organiser { Name = $"{Sentence(random, 2)} network" },
            Contact = new Contact { Name = "x", Email = "x@example.org" },
            Start = start,
            End = start.AddHours(2),
            Format = format,
            Venue = format == "online" ? null : new Venue { Name = $"{Sentence(random, 2)} centre", Address = "1 High Street", Postcode = "AB1 2CD" },
            Region = Pick(random, Vocabulary.Regions).Id,
            Topics = [Pick(random, Vocabulary.Topics).Id],
            Cost = random.Next(4) == 0 ? "£5" : "free",
            Access = new Access { Bsl = random.Next(3) == 0, StepFree = random.Next(2) == 0, Captions = random.Next(3) == 0, HearingLoop = random.Next(4) == 0, QuietSpace = random.Next(4) == 0 },
        }, new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero));
    }

    private static PublishedPost Story(int i, Random random, DateTimeOffset now) =>
        new($"post-{i}", $"story-{i}", 1, new PublicPost { Title = Sentence(random, 6), AuthorName = "Sam", Summary = Sentence(random, 30), Tags = [Pick(random, Vocabulary.Topics).Id], Kind = Pick(random, StoryKinds.All).Id }, now.AddHours(-i));

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
