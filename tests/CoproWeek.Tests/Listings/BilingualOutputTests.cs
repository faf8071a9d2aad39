using System.Text.Json;
using System.Xml.Linq;
using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;
using CoproWeek.Tests.Site;

namespace CoproWeek.Tests.Listings;

/// <summary>Calendars, JSON-LD, events.json and feeds mark each listing's words with their language, and carry a bilingual listing's Welsh.</summary>
public sealed class BilingualOutputTests
{
    private static readonly DateTimeOffset Now = new(2027, 7, 1, 12, 0, 0, TimeSpan.Zero);

    internal static PublishedEvent Bilingual() => SiteSamples.Published(SiteSamples.Details() with
    {
        Title = "Co-production workshop in Cardiff",
        Summary = "Plan the year's services together.",
        Language = ListingLanguage.Bilingual,
        Welsh = new WelshEventText { Title = "Gweithdy cyd-gynhyrchu yng Nghaerdydd", Summary = "Cynllunio gwasanaethau'r flwyddyn gyda'n gilydd.", Description = "Dewch i'r caffi." },
    }, "evt-bilingual", "co-production-workshop-in-cardiff");

    private static PublishedEvent WelshOnly() => SiteSamples.Published(SiteSamples.Details() with
    {
        Title = "Bore coffi gofalwyr",
        Summary = "Paned a sgwrs.",
        Language = ListingLanguage.Welsh,
    }, "evt-welsh", "bore-coffi-gofalwyr");

    [Fact]
    public void A_calendar_marks_each_summary_with_its_language_and_a_bilingual_description_carries_both()
    {
        var english = EventCalendar.ForEvent(Bilingual(), SiteSamples.Options());
        var welsh = EventCalendar.ForEvent(Bilingual(), SiteSamples.Options(), Language.Welsh);
        var welshOnly = EventCalendar.ForEvent(WelshOnly(), SiteSamples.Options());

        Assert.Contains("SUMMARY;LANGUAGE=en:Co-production workshop in Cardiff", english);
        var description = Ical.Net.Calendar.Load(english)!.Events.Single().Description!;
        Assert.Contains("Plan the year's services together.", description);
        Assert.Contains("Gweithdy cyd-gynhyrchu yng Nghaerdydd", description);
        Assert.Contains("SUMMARY;LANGUAGE=cy:Gweithdy cyd-gynhyrchu yng Nghaerdydd", welsh);
        Assert.Contains("DESCRIPTION;LANGUAGE=cy:", welsh);
        Assert.Equal("https://www.coproductionweek.example/cy/events/co-production-workshop-in-cardiff/", Ical.Net.Calendar.Load(welsh)!.Events.Single().Url?.ToString());
        Assert.Contains("SUMMARY;LANGUAGE=cy:Bore coffi gofalwyr", welshOnly);
        Assert.Equal("Bore coffi gofalwyr", Ical.Net.Calendar.Load(welshOnly)!.Events.Single().Summary);
    }

    [Fact]
    public void Json_ld_says_which_languages_a_listing_is_in_and_gives_the_other_language_title()
    {
        var english = JsonDocument.Parse(EventJsonLd.Write(Bilingual(), SiteSamples.Options())).RootElement;
        var welsh = JsonDocument.Parse(EventJsonLd.Write(Bilingual(), SiteSamples.Options(), Language.Welsh)).RootElement;
        var welshOnly = JsonDocument.Parse(EventJsonLd.Write(WelshOnly(), SiteSamples.Options())).RootElement;
        var englishOnly = JsonDocument.Parse(EventJsonLd.Write(SiteSamples.Published(), SiteSamples.Options())).RootElement;

        Assert.Equal(["en-GB", "cy"], english.GetProperty("inLanguage").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Gweithdy cyd-gynhyrchu yng Nghaerdydd", english.GetProperty("alternateName").GetString());
        Assert.Equal(["cy", "en-GB"], welsh.GetProperty("inLanguage").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Gweithdy cyd-gynhyrchu yng Nghaerdydd", welsh.GetProperty("name").GetString());
        Assert.Equal("Cynllunio gwasanaethau'r flwyddyn gyda'n gilydd.", welsh.GetProperty("description").GetString());
        Assert.Equal("cy", welshOnly.GetProperty("inLanguage").GetString());
        Assert.Equal("en-GB", englishOnly.GetProperty("inLanguage").GetString());
        Assert.False(englishOnly.TryGetProperty("alternateName", out _));
    }

    [Fact]
    public void Events_json_gives_each_event_its_language_and_a_bilingual_one_its_Welsh()
    {
        var events = JsonDocument.Parse(EventsJson.Render([Bilingual(), WelshOnly()], Now, SiteSamples.Options())).RootElement.GetProperty("events")
            .EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);

        Assert.Equal("bilingual", events["evt-bilingual"].GetProperty("language").GetString());
        var welsh = events["evt-bilingual"].GetProperty("welsh");
        Assert.Equal("Gweithdy cyd-gynhyrchu yng Nghaerdydd", welsh.GetProperty("title").GetString());
        Assert.Equal("Dewch i'r caffi.", welsh.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, welsh.GetProperty("easyRead").ValueKind);
        Assert.Equal("cy", events["evt-welsh"].GetProperty("language").GetString());
        Assert.Equal(JsonValueKind.Null, events["evt-welsh"].GetProperty("welsh").ValueKind);
    }

    [Fact]
    public void Each_feed_item_carries_the_language_of_its_words_and_the_Welsh_feeds_put_Welsh_first()
    {
        var story = new PublishedPost("p1", "our-panel", 1, new PublicPost
        {
            Title = "What our panel learned", AuthorName = "Sam", Summary = "Notes.", Language = ListingLanguage.Bilingual,
            Welsh = new WelshPublicText("Beth ddysgodd ein panel", "Nodiadau."),
        }, Now.AddDays(-1));
        var files = SiteFeeds.Render([story], [Bilingual(), WelshOnly()], Now, SiteSamples.Options())
            .Concat(SiteFeeds.Render([story], [Bilingual(), WelshOnly()], Now, SiteSamples.Options(), language: Language.Welsh))
            .ToDictionary(f => f.Path, f => XDocument.Parse(f.Content));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        string? Lang(XElement item) => item.Attribute(XNamespace.Xml + "lang")?.Value;

        var rss = files["feed.xml"].Descendants("item").ToDictionary(i => (string)i.Element("title")!);
        Assert.Equal("en-GB", Lang(rss["Event: Co-production workshop in Cardiff"]));
        Assert.Equal("cy", Lang(rss["Event: Bore coffi gofalwyr"]));
        Assert.Equal("en-GB", Lang(rss["What our panel learned"]));
        var welshRss = files["cy/feed.xml"].Descendants("item").ToDictionary(i => (string)i.Element("title")!);
        Assert.Equal("cy", Lang(welshRss["Digwyddiad: Gweithdy cyd-gynhyrchu yng Nghaerdydd"]));
        Assert.Equal("cy", Lang(welshRss["Beth ddysgodd ein panel"]));
        Assert.Equal("cy", (string?)files["cy/feed.xml"].Root!.Element("channel")!.Element("language"));
        Assert.Contains("https://www.coproductionweek.example/cy/events/co-production-workshop-in-cardiff/", welshRss.Values.Select(i => (string?)i.Element("link")));
        var welshAtom = files["cy/atom.xml"].Root!;
        Assert.Equal("cy", Lang(welshAtom));
        Assert.All(welshAtom.Elements(atom + "entry"), e => Assert.Equal("cy", Lang(e)));
    }
}
