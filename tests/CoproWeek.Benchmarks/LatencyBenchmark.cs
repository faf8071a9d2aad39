using System.Diagnostics;
using System.Net.Http.Json;
using CoproWeek.Hub.Events;

namespace CoproWeek.Benchmarks;

/// <summary>Submits events one after another with the default settings and times each from POST to its page being served.</summary>
public sealed class LatencyBenchmark : IBenchmark
{
    public string Name => "latency";
    public string Description => "200 events one after another: time from POST to the event page being served";

    private sealed record Answer(string Id);

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 200;
        await using var host = await BenchHost.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.Url) };
        var times = new List<double>();
        for (var n = 0; n < count; n++)
        {
            var body = SampleEvents.Json(n);
            var clock = Stopwatch.StartNew();
            var answer = (await (await http.PostAsJsonAsync("/api/events", body)).Content.ReadFromJsonAsync<Answer>())!;
            var page = $"/events/{Slugs.For(body["title"]!.GetValue<string>(), answer.Id)}/";
            while ((await http.GetAsync(page)).StatusCode != System.Net.HttpStatusCode.OK)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"{page} was not served within a minute");
                }
                await Task.Delay(10);
            }
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Report.Table($"latency: {count} events, one after another, default settings", new List<(string, string)>
        {
            ("POST to page served, median ms", Report.Percentile(times, 50).ToString("N0") + " (goal: under 2,000)"),
            ("POST to page served, p95 ms", Report.Percentile(times, 95).ToString("N0")),
            ("POST to page served, max ms", times[^1].ToString("N0")),
        });
    }
}
