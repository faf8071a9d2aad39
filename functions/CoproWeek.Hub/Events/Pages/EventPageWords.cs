using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Events.Pages;

/// <summary>
/// The event pages' plain-word answers in the reader's language, and where each page of a language lives. The
/// organiser's own words (cost, venue, notes) stay in the listing's language and are marked with it.
/// </summary>
public static class EventPageWords
{
    /// <summary>The language of a listing's fields other than a bilingual listing's Welsh ones: Welsh only for a Welsh-only listing.</summary>
    public static Language FieldsLanguage(EventDetails e) =>
        ListingLanguage.Of(e.Language) == ListingLanguage.Welsh ? Language.Welsh : Language.English;

    /// <summary>The <c>lang</c> for text in <paramref name="text"/> on a page in <paramref name="page"/>: null when they are the same.</summary>
    public static string? Lang(Language text, Language page) => text == page ? null : text.HtmlLang();

    /// <summary>"Free" in the reader's language, or the organiser's own words about the cost.</summary>
    public static string Cost(EventDetails e, Language language) => e.IsFree ? Localised.Get<EventText>("Free", language) : e.Cost!.Trim();

    /// <summary>The language of <see cref="Cost"/>'s answer.</summary>
    public static Language CostLanguage(EventDetails e, Language language) => e.IsFree ? language : FieldsLanguage(e);

    /// <summary>"1 event", "12 events" ("12 digwyddiad" in Welsh, which keeps the singular after a number).</summary>
    public static string Count(int count, Language language) =>
        count == 1 ? Localised.Get<EventText>("EventCountOne", language) : Localised.Get<EventText>("EventCount", language, count.ToString("N0", language.Culture()));

    /// <summary>A facet's name in the filters: "Region", "Rhanbarth".</summary>
    public static string Label(Facet facet, Language language) =>
        Localised.Get<EventText>(facet.Segment switch { "region" => "Region", "format" => "Format", "topic" => "Topic", _ => "Access" }, language);

    /// <summary>The heading of a filtered page in plain words: "Events in London", "Events with BSL interpretation".</summary>
    public static string Heading(Facet facet, Term term, Language language)
    {
        var name = Vocabulary.NameOf(facet.Terms, term.Id, language);
        if (language == Language.English)
        {
            // English reads better mid-sentence in lower case ("Events about housing"), but keeps capitals such as "BSL".
            name = facet == Facet.Topic ? name.ToLowerInvariant() : facet == Facet.Access ? FirstLower(name) : name;
        }
        return facet.Segment switch
        {
            "region" when term.Id == "uk-wide" => Localised.Get<EventText>("HeadingUkWide", language),
            "region" => Localised.Get<EventText>("HeadingRegion", language, name),
            "format" => Localised.Get<EventText>("HeadingFormat", language, name),
            "topic" => Localised.Get<EventText>("HeadingTopic", language, name),
            _ => Localised.Get<EventText>("HeadingAccess", language, name),
        };
    }

    /// <summary>An event's page in the reader's language.</summary>
    public static string EventUrl(this SiteOptions options, Language language, string slug) =>
        options.Url(language.Localise(SitePaths.EventPage(slug)));

    /// <summary>A filtered list in the reader's language: the destination of every region, topic and access tag.</summary>
    public static string FilterUrl(this SiteOptions options, Language language, Facet facet, string id) =>
        options.Url(language.Localise(SitePaths.Filter(facet, id)));

    private static string FirstLower(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
