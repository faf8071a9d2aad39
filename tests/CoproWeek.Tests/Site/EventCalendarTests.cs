using System.Text;
using CoproWeek.Hub.Site;
using Ical.Net;

namespace CoproWeek.Tests.Site;

public sealed class EventCalendarTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_event_file_reads_back_with_its_uid_times_and_page_link()
    {
        var published = SiteSamples.Published();
        var ics = EventCalendar.ForEvent(published, SiteSamples.Options());

        var calendar = Calendar.Load(ics)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("evt-1@coproductionweek", e.Uid);
        Assert.Equal(published.Details.Start.UtcDateTime, e.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 7, 5, 9, 0, 0, DateTimeKind.Utc), e.DtStart.AsUtc);
        Assert.Equal(published.Details.End.UtcDateTime, e.DtEnd!.AsUtc);
        Assert.Equal(published.Details.Title, e.Summary);
        Assert.Equal("Riverside Community Centre, 1 Mill Lane, Riverside, RV1 2AB", e.Location);
        Assert.Equal(new Uri("https://www.coproductionweek.example/events/planning-our-carers-strategy/"), e.Url);
        Assert.Equal(published.Details.Summary + "\n\nhttps://www.coproductionweek.example/events/planning-our-carers-strategy/", e.Description);
        Assert.Contains("DTSTART:20270705T090000Z\r\n", ics);
        Assert.Contains("DTSTAMP:20270601T091500Z\r\n", ics);
    }

    [Fact]
    public void Rendering_again_gives_the_same_file_so_calendars_keep_the_same_uid()
    {
        var first = EventCalendar.ForEvent(SiteSamples.Published(), SiteSamples.Options());
        var again = EventCalendar.ForEvent(SiteSamples.Published(version: 4), SiteSamples.Options());

        Assert.Equal(Calendar.Load(first)!.Events.Single().Uid, Calendar.Load(again)!.Events.Single().Uid);
        Assert.Equal(first, EventCalendar.ForEvent(SiteSamples.Published(), SiteSamples.Options()));
    }

    [Theory]
    [InlineData("Tea, cake; and chat\\back\nslash")]
    [InlineData("Cyfarfod i ofalwyr: ŵyr, ŷd, â chroeso 🎉🙂 – dewch!")]
    [InlineData("Line one\r\nLine two; three, four")]
    public void Commas_semicolons_backslashes_newlines_Welsh_and_emoji_survive_the_round_trip(string text)
    {
        var long_ = text + " " + string.Concat(Enumerable.Repeat("ŵ🎉a", 40));
        var published = SiteSamples.Published(SiteSamples.Details() with
        {
            Title = long_,
            Summary = text,
            Venue = new() { Name = text, Address = null, Postcode = null },
        });

        var ics = EventCalendar.ForEvent(published, SiteSamples.Options());

        var e = Calendar.Load(ics)!.Events.Single();
        var expected = long_.Replace("\r\n", "\n");
        Assert.Equal(expected, e.Summary);
        Assert.StartsWith(text.Replace("\r\n", "\n"), e.Description);
        AssertFoldedAt75Octets(ics);
    }

    [Fact]
    public void The_whole_calendar_holds_only_upcoming_events_soonest_first_and_has_a_name()
    {
        var past = SiteSamples.Published(SiteSamples.Details() with
        {
            Title = "Last year's event",
            Start = new DateTimeOffset(2026, 7, 6, 10, 0, 0, TimeSpan.FromHours(1)),
            End = new DateTimeOffset(2026, 7, 6, 11, 0, 0, TimeSpan.FromHours(1)),
        }, "evt-past", "last-year");
        var events = new[] { SiteSamples.Online(), past, SiteSamples.Published() };

        var ics = EventCalendar.ForAll(events, Now, SiteSamples.Options());

        var calendar = Calendar.Load(ics)!;
        Assert.Equal(["evt-1@coproductionweek", "evt-online@coproductionweek"], calendar.Events.Select(e => e.Uid));
        Assert.Contains("X-WR-CALNAME:Co-production Week events\r\n", ics);
        AssertFoldedAt75Octets(ics);
    }

    private static void AssertFoldedAt75Octets(string ics)
    {
        Assert.EndsWith("\r\n", ics);
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
            Assert.DoesNotContain('\n', line);
        }
    }
}
