using System.Diagnostics;
using System.Globalization;
using System.Text;
using CoproWeek.Hub.Posts;
using CoproWeek.Tests.Posts;
using Markdig;

namespace CoproWeek.Benchmarks;

/// <summary>
/// How long publishing spends turning a full-length post into safe HTML, against Markdig alone, and how long the
/// safety test's 10,000 generated posts mixing Markdown and attacks take against their budget. Pure CPU: no storage.
/// </summary>
public sealed class RenderPostBenchmark : IBenchmark
{
    public string Name => "render-post";

    public string Description => "Markdown to sanitised HTML for a 20,000-character post against Markdig alone, and 10,000 generated hostile posts against their 20 s budget [--iterations N]";

    /// <summary>The safety test's 10,000 generated posts should render within this on the build machine (2 shared cores).</summary>
    private static readonly TimeSpan GeneratedBudget = TimeSpan.FromSeconds(20);

    private const int GeneratedPosts = 10_000;

    private const string Image = "https://coproductionweek.example/posts/our-tea-party/images/1.jpg";

    // The same Markdig settings as PostBodyRenderer, without the sanitiser: the floor we are measured against.
    private static readonly MarkdownPipeline MarkdigOnly = new MarkdownPipelineBuilder()
        .UseEmphasisExtras().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    public Task RunAsync(string[] args)
    {
        var iterations = args.Length >= 2 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var post = RealisticPost();
        string[] images = [Image];

        var html = PostBodyRenderer.ToHtml(post, images);
        Console.WriteLine($"Post: {post.Length:N0} characters of Markdown, {html.Length:N0} characters of safe HTML; {iterations:N0} timed runs each after {WarmUp(iterations):N0} warm-up runs; load average {LoadAverage()}.");

        var sanitised = Measure(iterations, () => PostBodyRenderer.ToHtml(post, images).Length);
        var markdig = Measure(iterations, () => Markdown.ToHtml(post, MarkdigOnly).Length);
        var plain = Measure(iterations, () => PostBodyRenderer.ToPlainText(post).Length);

        var rows = new List<(string, string)>();
        foreach (var (label, times) in new[] { ("render + sanitise", sanitised), ("Markdig alone", markdig), ("plain text", plain) })
        {
            rows.Add(($"{label}: mean ms", times.Average().ToString("N3", CultureInfo.InvariantCulture)));
            rows.Add(($"{label}: p50 ms", Report.Percentile(times, 50).ToString("N3", CultureInfo.InvariantCulture)));
            rows.Add(($"{label}: p95 ms", Report.Percentile(times, 95).ToString("N3", CultureInfo.InvariantCulture)));
            rows.Add(($"{label}: posts per second (one thread)", (1000 / times.Average()).ToString("N0", CultureInfo.InvariantCulture)));
        }
        rows.Add(("render + sanitise / Markdig alone (mean)", (sanitised.Average() / markdig.Average()).ToString("N1", CultureInfo.InvariantCulture) + "x"));

        var generated = HostilePosts.Generated(GeneratedPosts).ToList();
        string[] ownImages = [HostilePosts.OwnImage];
        var each = new List<double>(generated.Count);
        var total = Stopwatch.StartNew();
        foreach (var input in generated)
        {
            var start = Stopwatch.GetTimestamp();
            PostBodyRenderer.ToHtml(input, ownImages);
            each.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        total.Stop();
        each.Sort();
        rows.Add(($"{GeneratedPosts:N0} generated hostile posts: total s", total.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)));
        rows.Add(($"{GeneratedPosts:N0} generated hostile posts: budget s", GeneratedBudget.TotalSeconds.ToString("N0", CultureInfo.InvariantCulture)));
        rows.Add(($"{GeneratedPosts:N0} generated hostile posts: within budget", total.Elapsed <= GeneratedBudget ? "yes" : "NO"));
        rows.Add(("generated hostile post: p50 ms", Report.Percentile(each, 50).ToString("N3", CultureInfo.InvariantCulture)));
        rows.Add(("generated hostile post: p99 ms", Report.Percentile(each, 99).ToString("N3", CultureInfo.InvariantCulture)));
        rows.Add(("load average after", LoadAverage()));
        Report.Table("render-post", rows);
        return Task.CompletedTask;
    }

    private static int WarmUp(int iterations) => Math.Max(10, iterations / 10);

    // Two cores are shared on the build machine: the load says how far to trust the figures.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static List<double> Measure(int iterations, Func<int> render)
    {
        var sink = 0;
        for (var i = 0; i < WarmUp(iterations); i++)
        {
            sink += render();
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            sink += render();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        GC.KeepAlive(sink);
        times.Sort();
        return times;
    }

    // A long story as contributors write them: headings, lists, links, emphasis, a table, our own picture,
    // and a few things a hostile sender would try. Cut at a line to just under the 20,000-character limit.
    private static string RealisticPost()
    {
        string[] sections =
        [
            "# How we planned our tea party together\n\nLast spring, **people who use services**, *carers* and staff sat down as equals. "
                + "We read the [co-production guide](https://example.org/guide) and agreed three rules.\n\n",
            "## What we agreed\n\n1. Everyone is paid for their time.\n2. Meetings are in places with step-free access.\n3. Papers come in Easy Read as well.\n\n",
            "- Tea and biscuits at every meeting\n- A quiet room for anyone who needs a break\n- Notes sent out within a week, see www.example.org/notes\n\n",
            "> \"It was the first time I felt listened to,\" said one carer. ~~Nobody~~ Everybody had a say.\n\n",
            "| Who | What they did |\n|-----|---------------|\n| Carers | Chose the venue |\n| Staff | Booked the room |\n| Members | Wrote the invitation |\n\n",
            $"![Members around a table with tea]({Image})\n\n",
            "Someone tried <script>alert('x')</script> and [a trick](javascript:alert(1)) and ![a tracker](https://evil.example/p.gif) "
                + "and <img src=x onerror=alert(1)>, which all come out harmless.\n\n",
            "### Next year\n\nWe will run it again in July. Write to <hello@example.org> or read more at https://example.org/next-year.\n\n",
        ];
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < PostBodyRenderer.MaxLength; i++)
        {
            builder.Append(sections[i % sections.Length]);
        }
        var text = builder.ToString();
        return text[..(text.LastIndexOf('\n', PostBodyRenderer.MaxLength - 1) + 1)];
    }
}
