using System.Text.Json;
using System.Xml.Linq;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;

namespace CoproWeek.Tests.Site;

public sealed class EventListTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 5, 11, 0, 0, TimeSpan.FromHours(1));

    /// <summary>One event already running (still listed), one online, one in Wales next week, one that has ended.</summary>
    private static PublishedEvent[] Events() =>
    [
        SiteSamples.Online(),
        SiteSamples.Published(SiteSamples.Details() with
        {
            Title = "Gŵyl gyd-gynhyrchu: co-production festival",
            Region = "wales",
            Topics = ["health"],
            Access = new Access { QuietSpace = true },
            Start = new DateTimeOffset(2027, 7, 9, 10, 0, 0, TimeSpan.FromHours(1)),
            End = new DateTimeOffset(2027, 7, 10, 16, 0, 0, TimeSpan.FromHours(1)),
        }, "evt-wales", "gwyl"),
        SiteSamples.Published(),
        SiteSamples.Published(SiteSamples.Details() with
        {
            Title = "Breakfast that has finished",
            Start = new DateTimeOffset(2027, 7, 5, 8, 0, 0, TimeSpan.FromHours(1)),
            End = new DateTimeOffset(2027, 7, 5, 9, 0, 0, TimeSpan.FromHours(1)),
        }, "evt-ended", "breakfast"),
    ];

    private static string[] CardTitles(string html) =>
        PageChecks.Parse(html).QuerySelectorAll("li.card h3 a").Select(a => a.Text()).ToArray();

    [Fact]
    public void The_events_list_shows_upcoming_events_soonest_first_with_a_count()
    {
        var pages = EventList.RenderPages(Events(), Now, SiteSamples.Options());

        var html = pages[SitePaths.Events];
        var page = PageChecks.AssertSoundPage(html);
        Assert.Equal("Events", page.QuerySelector("h1").Text());
        Assert.Equal(["Planning our carers' strategy together", "Online webinar on co-produced research", "Gŵyl gyd-gynhyrchu: co-production festival"], CardTitles(html));
        Assert.Equal("3 events", page.QuerySelector(".count").Text());
        var card = page.QuerySelector("li.card")!;
        Assert.Contains("Monday 5 July 2027, 10am to 12:30pm", card.TextContent);
        Assert.Contains("In person", card.TextContent);
        Assert.Contains("London", card.TextContent);
        Assert.Contains("Step-free access, BSL interpretation, Hearing loop, Accessible toilets", card.TextContent);
        Assert.Contains("Free", card.TextContent);
        Assert.Equal("https://www.coproductionweek.example/events/planning-our-carers-strategy/", card.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void There_is_a_page_for_every_region_format_topic_and_access_need_holding_only_matching_events()
    {
        var events = Events();
        var pages = EventList.RenderPages(events, Now, SiteSamples.Options());

        var expected = 1 + Vocabulary.Regions.Count + Vocabulary.Formats.Count + Vocabulary.Topics.Count + Vocabulary.AccessNeeds.Count;
        Assert.Equal(expected, pages.Count);
        Assert.Equal(EventList.PagePaths().Order(), pages.Keys.Order());
        foreach (var facet in Facet.All)
        {
            foreach (var term in facet.Terms)
            {
                var html = pages[SitePaths.Filter(facet, term.Id)];
                var wanted = events.Where(e => e.Details.End >= Now && facet.Matches(e.Details, term.Id)).Select(e => e.Details.Title).Order();
                Assert.Equal(wanted, CardTitles(html).Order());
                var page = PageChecks.AssertSoundPage(html);
                var current = Assert.Single(page.QuerySelectorAll("nav.filters a[aria-current=page]"));
                Assert.StartsWith(term.Name, current.Text());
            }
        }
        Assert.Equal(["Gŵyl gyd-gynhyrchu: co-production festival"], CardTitles(pages["events/region/wales/index.html"]));
        Assert.Equal(["Online webinar on co-produced research"], CardTitles(pages["events/access/captions/index.html"]));
        Assert.Equal("Events with live captions", PageChecks.Parse(pages["events/access/captions/index.html"]).QuerySelector("h1").Text());
    }

    [Fact]
    public void A_filter_with_nothing_in_it_says_so_in_plain_words_and_the_nav_links_every_choice_that_has_events()
    {
        var pages = EventList.RenderPages(Events(), Now, SiteSamples.Options());

        var page = PageChecks.Parse(pages["events/region/scotland/index.html"]);
        Assert.Equal("0 events", page.QuerySelector(".count").Text());
        Assert.Contains("There are no upcoming events here yet.", page.Body!.TextContent);
        var links = page.QuerySelectorAll("nav.filters a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://www.coproductionweek.example/events/region/london/", links);
        Assert.Contains("https://www.coproductionweek.example/events/format/online/", links);
        Assert.Contains("https://www.coproductionweek.example/events/", links);
        Assert.Equal("All events (3)", page.QuerySelectorAll("nav.filters a")[0].Text());

        var empty = PageChecks.Parse(EventList.RenderPages([], Now, SiteSamples.Options())[SitePaths.Events]);
        Assert.Contains("There are no upcoming events yet.", empty.Body!.TextContent);
    }

    [Fact]
    public void Events_json_has_the_public_fields_in_camel_case_and_no_contact_details()
    {
        var json = EventsJson.Render(Events(), Now, SiteSamples.Options());

        Assert.DoesNotContain(SiteSamples.ContactEmail, json);
        Assert.DoesNotContain(SiteSamples.ContactName, json);
        Assert.DoesNotContain("contact", json, StringComparison.OrdinalIgnoreCase);
        var events = JsonDocument.Parse(json).RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["evt-1", "evt-online", "evt-wales"], events.Select(e => e.GetProperty("id").GetString()));
        var first = events[0];
        Assert.Equal(
            ["id", "slug", "url", "title", "summary", "description", "start", "end", "format", "region", "topics", "cost", "free", "bookingUrl",
             "easyRead", "language", "welsh", "organiser", "venue", "online", "coproduction", "access", "updated"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2027-07-05T10:00:00+01:00", first.GetProperty("start").GetString());
        Assert.Equal(["social-care", "local-government"], first.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Riverside Carers Network", first.GetProperty("organiser").GetProperty("name").GetString());
        Assert.Equal("RV1 2AB", first.GetProperty("venue").GetProperty("postcode").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("online").ValueKind);
        Assert.True(first.GetProperty("coproduction").GetProperty("participantsPaid").GetBoolean());
        Assert.True(first.GetProperty("access").GetProperty("bsl").GetBoolean());
        Assert.Equal(JsonValueKind.Null, events[1].GetProperty("venue").ValueKind);
        Assert.Equal("We will email a Zoom link the day before.", events[1].GetProperty("online").GetProperty("joiningInfo").GetString());
        Assert.Contains("Gŵyl", json);
    }

    [Fact]
    public void The_sitemap_lists_home_lists_filters_every_event_and_extra_pages()
    {
        var options = SiteSamples.Options();
        var xml = Sitemap.Render(Events(), options, [new SitemapUrl("https://www.coproductionweek.example/posts/our-story/?a=1&b=2")]);

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Parse(xml).Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Contains("https://www.coproductionweek.example/", urls);
        Assert.Contains("https://www.coproductionweek.example/events/", urls);
        Assert.Contains("https://www.coproductionweek.example/events/topic/health/", urls);
        Assert.Contains("https://www.coproductionweek.example/events/breakfast/", urls);
        Assert.Contains("https://www.coproductionweek.example/posts/our-story/?a=1&b=2", urls);
        Assert.Equal(urls.Count, urls.Distinct().Count());
    }

    [Fact]
    public void The_home_page_gives_the_weeks_dates_the_next_six_events_and_ways_to_take_part()
    {
        var many = Enumerable.Range(1, 8).Select(i => SiteSamples.Published(SiteSamples.Details() with
        {
            Title = $"Event {i}",
            Start = Now.AddDays(i),
            End = Now.AddDays(i).AddHours(2),
        }, $"evt-{i}", $"event-{i}"));

        var page = PageChecks.AssertSoundPage(HomePage.Render(many, Now, SiteSamples.Options()));

        Assert.Contains("Monday 5 July to Sunday 11 July 2027", page.QuerySelector(".lede").Text());
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"Event {i}"), page.QuerySelectorAll("li.card h3 a").Select(a => a.Text()));
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://www.coproductionweek.example/submit-event/", links);
        Assert.Contains("https://www.coproductionweek.example/subscribe/", links);
    }

    [Fact]
    public void The_404_and_thank_you_pages_and_the_stylesheet_are_ready_to_publish()
    {
        var notFound = PageChecks.AssertSoundPage(PlainPages.NotFound(SiteSamples.Options()));
        Assert.Equal("Page not found", notFound.QuerySelector("h1").Text());
        var thanks = PageChecks.AssertSoundPage(CoproWeek.Hub.Events.Forms.SubmitEventPage.Thanks(SiteSamples.Options()));
        Assert.StartsWith("Thank you — we have your event", thanks.QuerySelector("h1").Text());
        Assert.Contains("We have sent you an email", thanks.Body!.TextContent);
        Assert.Contains(":focus-visible", SiteCss.Content());
        Assert.Contains("https://www.coproductionweek.example/assets/site.css", PlainPages.NotFound(SiteSamples.Options()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Hostile_text_stays_text_in_lists_json_calendars_and_the_home_page(int which)
    {
        var attack = SiteSamples.Hostile[which];
        var hostile = SiteSamples.HostileEvent(attack) with { };
        var events = new[] { hostile };
        var options = SiteSamples.Options();
        var justBefore = hostile.Details.Start.AddDays(-1);

        foreach (var (_, html) in EventList.RenderPages(events, justBefore, options))
        {
            PageChecks.AssertSoundPage(html);
        }
        Assert.Equal(attack, CardTitles(EventList.RenderPages(events, justBefore, options)[SitePaths.Events]).Single());
        PageChecks.AssertSoundPage(HomePage.Render(events, justBefore, options));
        var json = EventsJson.Render(events, justBefore, options);
        Assert.DoesNotContain("<", json);
        Assert.Equal(attack, JsonDocument.Parse(json).RootElement.GetProperty("events")[0].GetProperty("title").GetString());
        Assert.Equal(attack, Ical.Net.Calendar.Load(EventCalendar.ForAll(events, justBefore, options))!.Events.Single().Summary);
    }

    [Fact]
    public void No_public_output_contains_the_organisers_contact_details()
    {
        var events = Events();
        var options = SiteSamples.Options();
        var outputs = EventList.RenderPages(events, Now, options).Values
            .Concat(events.Select(e => EventPage.Render(e, options)))
            .Concat(events.Select(e => EventCalendar.ForEvent(e, options)))
            .Append(EventCalendar.ForAll(events, Now, options))
            .Append(EventsJson.Render(events, Now, options))
            .Append(Sitemap.Render(events, options))
            .Append(HomePage.Render(events, Now, options));

        foreach (var output in outputs)
        {
            Assert.DoesNotContain(SiteSamples.ContactEmail, output);
            Assert.DoesNotContain(SiteSamples.ContactName, output);
        }
    }
}
