using System.Globalization;
using System.Text;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Events.Forms;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Search;
using CoproWeek.Hub.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Benchmarks;

/// <summary>
/// The weight of each page type as the renderers write it, with realistic content: HTML and CSS bytes (raw and
/// Brotli-compressed, as the self-host or a CDN sends them), requests (the page, the stylesheet and pictures), and
/// whether any script is needed. Goal: at most 50 KB without story pictures and at most 3 requests before pictures.
/// </summary>
public sealed class PagesBenchmark : IBenchmark
{
    public string Name => "pages";

    public string Description => "HTML + CSS bytes and requests per page type with realistic content (31 and 300 events, a story with 3 pictures) [--events N]";

    public Task RunAsync(string[] args)
    {
        var options = new SiteOptions { PublicUrl = "https://www.coproductionweek.example", ApiUrl = "https://hub.coproductionweek.example" };
        var now = new DateTimeOffset(2027, 7, 1, 9, 0, 0, TimeSpan.Zero);
        var random = new Random(15);
        var css = SiteCss.Content();
        var few = Enumerable.Range(0, 31).Select(i => Event(i, random)).ToList();
        var many = Enumerable.Range(0, 300).Select(i => Event(i, random)).ToList();
        var story = Story(0, random, now, pictures: 3);
        var stories = Enumerable.Range(0, 20).Select(i => Story(i, random, now, pictures: 1)).ToList();
        var body = string.Concat(Enumerable.Range(0, 12).Select(i => $"<h2>Part {i}</h2>\n<p>{Words(random, 90)}</p>\n"));
        using var index = new TextIndex(SearchCatalogue.From(many, stories, now, options));
        var (query, _) = SearchQuery.Read(new QueryCollection(new Dictionary<string, StringValues> { ["q"] = "workshop" }));

        var pages = new List<(string Name, string Html, int Pictures)>
        {
            ("home (31 events)", HomePage.Render(few, now, options), 0),
            ("events list (31 events)", EventList.RenderPages(few, now, options)[SitePaths.Events], 0),
            ("events list (300 events)", EventList.RenderPages(many, now, options)[SitePaths.Events], 0),
            ("filter page: Wales (300 events)", EventList.RenderPages(many, now, options)[SitePaths.Filter(Facet.Region, "wales")], 0),
            ("event page", EventPage.Render(few[0], options), 0),
            ("story with 3 pictures", PostPage.Render(story, body, null, options, now), 3),
            ("stories list (20, thumbnails)", PostList.RenderPages(stories, options)[PostPaths.Posts], 20),
            ("search results (20 of 300)", SearchPage.Render(options, query, index.Search(query)), 0),
            ("submit an event (form)", SubmitEventPage.Render(options), 0),
            ("404", PlainPages.NotFound(options), 0),
        };
        var rows = new List<(string, string)> { ("stylesheet (raw / Brotli bytes)", $"{Bytes(css):N0} / {Brotli(css):N0}") };
        foreach (var (name, html, pictures) in pages)
        {
            var total = Bytes(html) + Bytes(css);
            var scripts = html.Split("<script").Length - 1 - (html.Split("application/ld+json").Length - 1);
            rows.Add(($"{name}: HTML + CSS raw / Brotli (KB)", $"{total / 1024.0:N1} / {(Brotli(html) + Brotli(css)) / 1024.0:N1}"));
            rows.Add(($"{name}: requests (page, CSS + pictures)", $"2 + {pictures}{(pictures == 0 ? "" : name.StartsWith("story", StringComparison.Ordinal) ? " (lazy after the first)" : " (all lazy)")}; scripts: {scripts}"));
        }
        Report.Table("pages: bytes and requests per page type", rows);
        return Task.CompletedTask;
    }

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    private static int Brotli(string text)
    {
        using var output = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(Encoding.UTF8.GetBytes(text));
        }
        return (int)output.Length;
    }

    private static readonly string[] Vocabulary_ = ["workshop", "carers", "health", "housing", "festival", "peer", "support", "planning", "community", "library", "together", "people"];

    private static string Words(Random random, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary_[random.Next(Vocabulary_.Length)]));

    private static PublishedEvent Event(int i, Random random)
    {
        var start = new DateTimeOffset(2027, 7, 5 + random.Next(7), 9 + random.Next(9), 0, 0, TimeSpan.FromHours(1));
        return new PublishedEvent($"evt-{i}", $"event-{i}", 1, new EventDetails
        {
            Title = $"Co-producing {Words(random, 4)}",
            Summary = Words(random, 30),
            Description = Words(random, 200),
            EasyRead = Words(random, 40),
            Organiser = new Organiser { Name = "Example Peer Network", Website = "https://example.org" },
            Contact = new Contact { Name = "x", Email = "x@example.org" },
            Start = start,
            End = start.AddHours(2),
            Format = "hybrid",
            Venue = new Venue { Name = "Central Library", Address = "Calverley Street, Leeds", Postcode = "LS1 3AB" },
            Online = new OnlineDetails { JoiningInfo = "A link is sent when you book." },
            Region = Vocabulary.Regions[random.Next(Vocabulary.Regions.Count)].Id,
            Topics = ["mental-health", "housing"],
            Cost = "free",
            Coproduction = new Coproduction { LivedExperienceInvolvement = Words(random, 40), ParticipantsPaid = true, ExpensesCovered = true },
            Access = new Access { StepFree = true, Bsl = random.Next(2) == 0, Captions = true },
        }, new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero));
    }

    private static PublishedPost Story(int i, Random random, DateTimeOffset now, int pictures)
    {
        var folder = $"https://www.coproductionweek.example/posts/story-{i}/";
        var images = Enumerable.Range(1, pictures).Select(n => new PublicImage($"{folder}image-{n}.jpg", "People round a table in the library", 1600, 1067)
        {
            Sizes = [.. new[] { 480, 960 }.SelectMany(w => new[] { new PublicImageSize($"{folder}image-{n}-{w}w.webp", "image/webp", w), new PublicImageSize($"{folder}image-{n}-{w}w.jpg", "image/jpeg", w) }),
                new PublicImageSize($"{folder}image-{n}-1600w.webp", "image/webp", 1600)],
        }).ToList();
        return new PublishedPost($"post-{i}", $"story-{i}", 1, new PublicPost
        {
            Title = $"What we learned {Words(random, 3)}", AuthorName = "Sam Example", Organisation = "Example Carers Group", Summary = Words(random, 30),
            Tags = ["carers", "health"], Images = images,
        }, now.AddHours(-i));
    }
}
