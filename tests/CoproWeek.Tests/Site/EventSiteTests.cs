using System.Text.RegularExpressions;
using CoproWeek.Hub.Site;

namespace CoproWeek.Tests.Site;

public sealed class EventSiteTests
{
    [Fact]
    public void The_publisher_gets_every_file_with_a_content_type_and_no_contact_details()
    {
        var options = SiteSamples.Options();
        var events = new[] { SiteSamples.Published(), SiteSamples.Online() };
        var now = new DateTimeOffset(2027, 7, 1, 9, 0, 0, TimeSpan.Zero);

        var files = EventSite.Indexes(events, now, options)
            .Concat(EventSite.FixedFiles(options))
            .Concat(events.SelectMany(e => EventSite.EventFiles(e, options)))
            .ToList();

        var paths = files.Select(f => f.Path).ToList();
        Assert.Equal(paths.Count, paths.Distinct().Count());
        foreach (var expected in new[] { "index.html", "404.html", "assets/site.css", "sitemap.xml", "events/index.html", "events/calendar.ics",
                     "events/events.json", "events/region/london/index.html", "submit-event/index.html", "submit-event/thanks/index.html",
                     "events/planning-our-carers-strategy/index.html", "events/planning-our-carers-strategy/event.ics",
                     "cy/index.html", "cy/events/index.html", "cy/events/region/london/index.html", "cy/events/planning-our-carers-strategy/index.html" })
        {
            Assert.Contains(expected, paths);
        }
        Assert.All(files, f => Assert.DoesNotContain(SiteSamples.ContactEmail, f.Content));
        Assert.All(files, f => Assert.False(f.Path.StartsWith('/'), f.Path));
        Assert.All(files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), f =>
        {
            Assert.Equal("text/html; charset=utf-8", f.ContentType);
            if (f.Path.StartsWith("cy/events/online", StringComparison.Ordinal))
            {
                // The title bar holds the English listing's own title ("Online webinar…"), which no lang can mark there.
                Assert.Equal("cy", PageChecks.Parse(f.Content).DocumentElement.GetAttribute("lang"));
                Assert.Equal("en-GB", PageChecks.Parse(f.Content).QuerySelector("h1")!.GetAttribute("lang"));
            }
            else if (f.Path.StartsWith("cy/", StringComparison.Ordinal))
            {
                PageChecks.AssertSoundPage(f.Content, "cy");
                Welsh.WelshChecks.AssertWelshPage(PageChecks.Parse(f.Content));
            }
            else
            {
                PageChecks.AssertSoundPage(f.Content);
            }
        });
        Assert.Equal("text/calendar; charset=utf-8", files.Single(f => f.Path == "events/calendar.ics").ContentType);
    }

    [Fact]
    public void The_stylesheet_fixes_no_width_wider_than_a_small_phone()
    {
        // Media query conditions are breakpoints, not widths a page is forced to.
        var css = Regex.Replace(SiteCss.Content(), @"@media[^{]*", "@media");

        foreach (Match width in Regex.Matches(css, @"(?<![-\w])(min-)?width:\s*(\d+(\.\d+)?)(px|rem|em)"))
        {
            var size = double.Parse(width.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) * (width.Groups[4].Value == "px" ? 1 : 16);
            Assert.True(size <= 320, $"'{width.Value}' is wider than a 320px screen");
        }
        Assert.Contains("max-width", css);
        Assert.Contains("@media (min-width: 40rem)", SiteCss.Content());
    }
}
