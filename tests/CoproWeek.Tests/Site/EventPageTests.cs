using System.Text.Json;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;

namespace CoproWeek.Tests.Site;

public sealed class EventPageTests
{
    private static JsonElement JsonLd(string html)
    {
        var script = Assert.Single(PageChecks.Parse(html).QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    [Fact]
    public void The_event_page_shows_the_easy_read_first_then_the_facts_in_plain_words()
    {
        var html = EventPage.Render(SiteSamples.Published(), SiteSamples.Options());

        var page = PageChecks.AssertSoundPage(html);
        Assert.Equal("Planning our carers' strategy together", page.QuerySelector("h1").Text());
        var headings = page.QuerySelectorAll("main h2").Select(h => h.Text()).ToList();
        Assert.Equal("Easy read", headings[0]);
        Assert.Equal(
            ["Easy read", "When and where", "Add to your calendar", "How people with lived experience shaped this event", "Paid involvement", "Access", "Topics", "Organiser", "About this event"],
            headings);
        Assert.Contains("You can say what you think.", page.QuerySelector(".easy-read").Text());
        Assert.Equal("Monday 5 July 2027, 10am to 12:30pm", page.QuerySelector("dd time").Text());
        Assert.Equal("2027-07-05T10:00:00+01:00", page.QuerySelector("dd time")!.GetAttribute("datetime"));
        var facts = page.QuerySelector("dl.facts").Text();
        Assert.Contains("In person", facts);
        Assert.Contains("Riverside Community Centre", facts);
        Assert.Contains("RV1 2AB", facts);
        Assert.Contains("London", facts);
        Assert.Contains("Free", facts);
        Assert.Contains("paid for their time", html);
        Assert.Contains("expenses, like travel, are covered", html);
        Assert.Equal(["Step-free access", "BSL interpretation", "Hearing loop", "Accessible toilets"],
            page.QuerySelectorAll("ul.checklist li").Select(li => li.Text()));
        Assert.Contains("Parking at the back.", html);
        Assert.Equal("https://www.coproductionweek.example/events/planning-our-carers-strategy/event.ics",
            page.QuerySelectorAll("a").Single(a => a.Text() == "Calendar file (.ics)").GetAttribute("href"));
        var website = page.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == "https://riverside.example/carers");
        Assert.Contains("noopener", website.GetAttribute("rel"));
    }

    [Fact]
    public void The_description_is_plain_text_in_paragraphs_with_its_line_breaks_kept()
    {
        var page = PageChecks.Parse(EventPage.Render(SiteSamples.Published(), SiteSamples.Options()));

        var about = page.QuerySelectorAll("h2").Single(h => h.Text() == "About this event");
        var first = about.NextElementSibling!;
        var second = first.NextElementSibling!;
        Assert.Equal("P", first.TagName);
        Assert.Equal("We will share what carers told us.", first.ChildNodes[0].TextContent);
        Assert.Equal("BR", first.Children[0].TagName);
        Assert.Equal("Lunch is provided.", second.Text());
    }

    [Fact]
    public void An_online_event_says_online_with_its_joining_details_and_its_cost_text()
    {
        var page = PageChecks.AssertSoundPage(EventPage.Render(SiteSamples.Online(), SiteSamples.Options()));

        var facts = page.QuerySelector("dl.facts").Text();
        Assert.Contains("Online", facts);
        Assert.Contains("We will email a Zoom link the day before.", facts);
        Assert.Contains("£5, free for people with lived experience", facts);
        Assert.Equal("Tuesday 6 July 2027, 2pm to 3pm", page.QuerySelector("dd time").Text());
    }

    [Fact]
    public void The_JSON_LD_is_a_schema_org_event_whose_dates_round_trip_to_the_same_instants()
    {
        var published = SiteSamples.Published();
        var json = JsonLd(EventPage.Render(published, SiteSamples.Options()));

        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal("Event", json.GetProperty("@type").GetString());
        Assert.Equal(published.Details.Title, json.GetProperty("name").GetString());
        Assert.Equal(published.Details.Summary, json.GetProperty("description").GetString());
        Assert.Equal("2027-07-05T10:00:00+01:00", json.GetProperty("startDate").GetString());
        Assert.Equal(published.Details.Start, DateTimeOffset.Parse(json.GetProperty("startDate").GetString()!));
        Assert.Equal(published.Details.End, DateTimeOffset.Parse(json.GetProperty("endDate").GetString()!));
        Assert.Equal("https://schema.org/EventScheduled", json.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", json.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("https://www.coproductionweek.example/events/planning-our-carers-strategy/", json.GetProperty("url").GetString());
        Assert.True(json.GetProperty("isAccessibleForFree").GetBoolean());
        var location = json.GetProperty("location");
        Assert.Equal("Place", location.GetProperty("@type").GetString());
        Assert.Equal("Riverside Community Centre", location.GetProperty("name").GetString());
        var address = location.GetProperty("address");
        Assert.Equal("PostalAddress", address.GetProperty("@type").GetString());
        Assert.Equal("1 Mill Lane, Riverside", address.GetProperty("streetAddress").GetString());
        Assert.Equal("RV1 2AB", address.GetProperty("postalCode").GetString());
        Assert.Equal("GB", address.GetProperty("addressCountry").GetString());
        var organiser = json.GetProperty("organizer");
        Assert.Equal("Organization", organiser.GetProperty("@type").GetString());
        Assert.Equal("Riverside Carers Network", organiser.GetProperty("name").GetString());
        Assert.Equal("https://riverside.example/carers", organiser.GetProperty("url").GetString());
        var offer = json.GetProperty("offers");
        Assert.Equal(JsonValueKind.Number, offer.GetProperty("price").ValueKind);
        Assert.Equal(0, offer.GetProperty("price").GetDecimal());
        Assert.Equal("GBP", offer.GetProperty("priceCurrency").GetString());
        Assert.Equal("https://tickets.example/carers", offer.GetProperty("url").GetString());
    }

    [Fact]
    public void A_winter_event_has_a_GMT_offset_and_a_hybrid_event_has_a_place_and_a_virtual_location()
    {
        var winter = SiteSamples.Published(SiteSamples.Details() with
        {
            Format = "hybrid",
            Online = new OnlineDetails { JoiningInfo = "Teams link on booking." },
            Cost = "£10 for professionals",
            BookingUrl = null,
            Start = new DateTimeOffset(2027, 1, 12, 18, 0, 0, TimeSpan.Zero),
            End = new DateTimeOffset(2027, 1, 12, 19, 0, 0, TimeSpan.Zero),
        });
        var json = JsonLd(EventPage.Render(winter, SiteSamples.Options()));

        Assert.Equal("2027-01-12T18:00:00+00:00", json.GetProperty("startDate").GetString());
        Assert.Equal("https://schema.org/MixedEventAttendanceMode", json.GetProperty("eventAttendanceMode").GetString());
        var locations = json.GetProperty("location").EnumerateArray().ToList();
        Assert.Equal(["Place", "VirtualLocation"], locations.Select(l => l.GetProperty("@type").GetString()));
        Assert.Equal(json.GetProperty("url").GetString(), locations[1].GetProperty("url").GetString());
        Assert.False(json.GetProperty("isAccessibleForFree").GetBoolean());
        var offer = json.GetProperty("offers");
        Assert.Equal("£10 for professionals", offer.GetProperty("description").GetString());
        Assert.Equal(10m, offer.GetProperty("price").GetDecimal());
        Assert.Equal("GBP", offer.GetProperty("priceCurrency").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Hostile_text_in_every_field_comes_out_as_text_and_cannot_leave_the_JSON_LD(int which)
    {
        var attack = SiteSamples.Hostile[which];
        var html = EventPage.Render(SiteSamples.HostileEvent(attack), SiteSamples.Options());

        var page = PageChecks.AssertSoundPage(html);
        Assert.Equal(attack, page.QuerySelector("h1").Text());
        Assert.Contains(attack, page.QuerySelector(".easy-read").Text());
        var script = Assert.Single(page.QuerySelectorAll("script"));
        Assert.DoesNotContain("<", script.TextContent);
        var json = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal(attack, json.GetProperty("name").GetString());
        Assert.Equal(attack, json.GetProperty("organizer").GetProperty("name").GetString());
        Assert.False(json.GetProperty("organizer").TryGetProperty("url", out _));
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public void The_page_never_shows_the_organisers_private_contact_details()
    {
        var html = EventPage.Render(SiteSamples.Published(), SiteSamples.Options());

        Assert.DoesNotContain(SiteSamples.ContactEmail, html);
        Assert.DoesNotContain(SiteSamples.ContactName, html);
    }

    [Fact]
    public void An_event_with_no_venue_no_extras_and_no_access_support_still_renders_in_plain_words()
    {
        var bare = SiteSamples.Published(new EventDetails
        {
            Title = "Coffee morning",
            Summary = "Come and chat.",
            Organiser = new Organiser { Name = "Small group" },
            Start = new DateTimeOffset(2027, 7, 7, 0, 0, 0, TimeSpan.FromHours(1)),
            End = new DateTimeOffset(2027, 7, 7, 12, 0, 0, TimeSpan.FromHours(1)),
            Format = "in-person",
            Region = "wales",
        });

        var page = PageChecks.AssertSoundPage(EventPage.Render(bare, SiteSamples.Options()));

        Assert.Null(page.QuerySelector(".easy-read"));
        Assert.Equal("Wednesday 7 July 2027, midnight to midday", page.QuerySelector("dd time").Text());
        Assert.Contains("has not listed any access support", page.Body!.TextContent);
        Assert.Contains("has not told us about this", page.Body.TextContent);
        Assert.Contains("not paid for their time", page.Body.TextContent);
        JsonDocument.Parse(page.QuerySelector("script")!.TextContent);
    }
}
