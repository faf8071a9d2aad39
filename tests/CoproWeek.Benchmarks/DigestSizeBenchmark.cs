using System.Diagnostics;
using System.Text;
using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Publishing;

namespace CoproWeek.Benchmarks;

/// <summary>
/// How big a digest's HTML is with 20 and 50 items at their longest realistic length, against the 102 KB above which
/// Gmail clips a message (the unsubscribe link sits at the end, so a clipped digest hides it). Pure CPU: no storage.
/// </summary>
public sealed class DigestSizeBenchmark : IBenchmark
{
    private const int GmailClip = 102 * 1024;

    public string Name => "digest-size";

    public string Description => "Bytes of a digest's HTML and text with 20 and 50 long items, against Gmail's 102 KB clipping point";

    public async Task RunAsync(string[] args)
    {
        var site = new SiteOptions { PublicUrl = "https://coproductionweek.example", ApiUrl = "https://coproweek-hub.azurewebsites.net" };
        var sent = new DateTimeOffset(2027, 7, 5, 7, 0, 0, TimeSpan.Zero);
        Console.WriteLine("| items | events | stories | HTML bytes | HTML KB | text bytes | under 102 KB | render ms (the first includes start-up) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|:---:|---:|");
        foreach (var count in new[] { 20, 50 })
        {
            var items = Items(count, sent);
            var all = Enumerable.Range(0, count).ToList();
            var clock = Stopwatch.StartNew();
            var content = await DigestContent.BuildAsync("weekly-20270705T070000Z", "weekly", items, all, site, sent);
            var token = "s." + new string('a', 64) + "~" + new string('b', 43);
            var (html, text) = content.Fill(new DigestLetter("reader@example.org", all,
                site.Api("subscriptions/unsubscribe") + "?token=" + token, site.Api("subscriptions/preferences") + "?token=" + token,
                ["wales", "london", "north-west"], ["housing", "mental-health", "social-care"]));
            clock.Stop();
            var htmlBytes = Encoding.UTF8.GetByteCount(html);
            var events = items.Count(i => i.Starts is not null);
            Console.WriteLine($"| {count} | {events} | {count - events} | {htmlBytes:N0} | {htmlBytes / 1024.0:N1} | {Encoding.UTF8.GetByteCount(text):N0} | {(htmlBytes < GmailClip ? "yes" : "NO")} | {clock.Elapsed.TotalMilliseconds:N0} |");
        }
    }

    /// <summary>Three events to each story, every text near its longest: 120-character titles, 300-character summaries and excerpts, every access feature.</summary>
    private static List<PublishedItem> Items(int count, DateTimeOffset sent) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var title = $"Item {i}: " + string.Concat(Enumerable.Repeat("Co-producing services together ", 4))[..110];
            var words = string.Concat(Enumerable.Repeat("People who use services and staff plan this together as equals. ", 5))[..300];
            var url = $"https://coproductionweek.example/events/{i:D3}-co-producing-services-together-with-the-people-who-use-them/";
            return i % 4 == 3
                ? new PublishedItem($"s{i}", "post", 1, title, words, url.Replace("/events/", "/posts/", StringComparison.Ordinal), "", ["housing"], sent.AddDays(-1).AddMinutes(i), null, false)
                {
                    Author = "Ayesha Khan-Robertson", Organisation = "Leeds Carers and Peer Support Forum", Excerpt = words,
                }
                : new PublishedItem($"e{i}", "event", 1, title, words, url, Vocabulary.Regions[i % 12].Id, ["housing"], sent.AddDays(-1), sent.AddDays(i % 7).AddHours(9 + i % 8), false)
                {
                    Ends = sent.AddDays(i % 7).AddHours(11 + i % 8),
                    Place = "Central Library Conference Room, Calverley Street, Leeds, LS1 3AB, and online",
                    Access = [.. Vocabulary.AccessNeeds.Select(a => a.Name)],
                };
        }).ToList();
}
