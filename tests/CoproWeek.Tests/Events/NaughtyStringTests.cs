using System.Net.Http.Json;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Events;

public sealed class NaughtyStringTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>Strings that have broken other people's software; written for this suite in the spirit of the public "naughty strings" lists.</summary>
    public static readonly string[] Naughty =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "javascript:alert(1)",
        "'; DROP TABLE events; --", "{{7*7}}", "${7*7}", "%s%s%s%n", "../../etc/passwd", "\u202Eevil\u202C", "\uFEFFzero width",
        "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳", "👩🏽‍🦯👨‍👩‍👧‍👦🏳️‍🌈", "مرحبا بالعالم", "שלום", "Llanfairpwllgwyngyll",
        "null", "undefined", "NaN", "-1", "0x0", "1E+02", "true", "<!--", "]]>", "&amp;&lt;", "\\\\", "\"\"\"", "`rm -rf /`",
        "<svg/onload=alert(1)>", "<iframe src=javascript:alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "\u0000", "\u0008",
        "&#60;script&#62;", "%3Cscript%3E", "ＡＢＣ", "𝓣𝓮𝔁𝓽", "Ω≈ç√∫˜µ≤≥÷", string.Concat(Enumerable.Repeat("😀", 100)),
    ];

    [Fact]
    public async Task Naughty_strings_never_cause_a_5xx_and_what_is_accepted_is_escaped_on_the_site()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var accepted = new List<(string Text, SampleEvent.Answer Answer)>();

        foreach (var (text, i) in Naughty.Select((t, i) => (t, i)))
        {
            var body = SampleEvent.Json(title: text.Length > 120 ? text[..100] : text, start: DateTimeOffset.UtcNow.AddDays(30 + i));
            body["description"] = text;
            body["organiser"]!["name"] = text.Length > 120 ? text[..100] : text;
            var response = await client.PostAsJsonAsync("/api/events", body);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {text}");
            if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
            {
                accepted.Add((text, (await response.Content.ReadFromJsonAsync<SampleEvent.Answer>())!));
            }
        }

        Assert.True(accepted.Count >= Naughty.Length - 6, $"only {accepted.Count} of {Naughty.Length} were accepted");
        foreach (var (text, answer) in accepted.Where(a => a.Text.Contains('<')))
        {
            var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(path));
            Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.Empty(page.QuerySelectorAll("iframe"));
            // The only picture drawn in the page is the site's own mark in its header.
            Assert.All(page.QuerySelectorAll("svg"), svg => Assert.True(svg.ClassList.Contains("mark") && svg.ParentElement!.ClassList.Contains("site-name")));
            Assert.Contains(text, page.Body!.TextContent);
        }
    }
}
