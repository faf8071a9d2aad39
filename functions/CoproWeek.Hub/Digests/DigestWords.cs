using System.Text;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Digests;

/// <summary>
/// The digest's words in the reader's language, shared by its HTML components and its plain text: times, places,
/// bylines, counts, the reason it came. A listing's own words come in the reader's language when it has them
/// (<see cref="PublishedItem.TextFor"/>); otherwise as written, marked with their language.
/// </summary>
public static class DigestWords
{
    /// <summary>A string of <c>DigestText.resx</c> in <paramref name="language"/>.</summary>
    public static string Get(string key, Language language, params object?[] args) => Localised.Get<DigestText>(key, language, args);

    public static bool IsEvent(PublishedItem item) => item.Starts is not null;

    /// <summary>The UK day an event starts on.</summary>
    public static DateOnly Day(PublishedItem item) => DateOnly.FromDateTime(UkTime.ToUk(item.Starts!.Value).DateTime);

    public static string DayName(DateOnly day, Language language = Language.English) => UkTime.Date(day, language);

    /// <summary>"10am to 12:30pm", or the end's date too when it ends on another day.</summary>
    public static string When(PublishedItem item, Language language = Language.English)
    {
        var start = item.Starts!.Value;
        if (item.Ends is not { } end || end <= start)
        {
            return UkTime.Time(start, language);
        }
        return DateOnly.FromDateTime(UkTime.ToUk(end).DateTime) == Day(item)
            ? Get("TimeRange", language, UkTime.Time(start, language), AfterTo(UkTime.Time(end, language), language))
            : Get("TimeRangeDays", language, UkTime.Time(start, language), AfterTo(UkTime.Date(end, language), language), UkTime.Time(end, language));
    }

    // Welsh "i" (to) softens what follows: "i ddydd Sul", "i ganol dydd".
    private static string AfterTo(string words, Language language) =>
        language != Language.Welsh ? words
        : words.StartsWith("dydd ", StringComparison.Ordinal) ? "d" + words
        : words.StartsWith("canol ", StringComparison.Ordinal) ? "g" + words[1..]
        : words;

    /// <summary>The venue, "Online", or both; for events recorded before places were kept, the region.</summary>
    public static string Where(PublishedItem item, Language language = Language.English)
    {
        const string AndOnline = ", and online";
        if (!string.IsNullOrWhiteSpace(item.Place))
        {
            // The publisher records the place in English words around the venue's own.
            return item.Place == "Online" ? EmailWords.Get("Place.Online", language)
                : item.Place.EndsWith(AndOnline, StringComparison.Ordinal) ? EmailWords.Get("Place.AndOnline", language, item.Place[..^AndOnline.Length])
                : item.Place;
        }
        return item.Region.Length > 0 ? Vocabulary.NameOf(Vocabulary.Regions, item.Region, language) : Get("PlaceToBeConfirmed", language);
    }

    /// <summary>The access words in the reader's language ("Mynediad heb risiau").</summary>
    public static IReadOnlyList<string> Access(PublishedItem item, Language language = Language.English) =>
        item.Access.Select(name => Vocabulary.AccessNeeds.FirstOrDefault(t => t.Name == name) is { } term ? Vocabulary.NameOf(Vocabulary.AccessNeeds, term.Id, language) : name).ToList();

    public static string Byline(PublishedItem item, Language language = Language.English)
    {
        var by = string.IsNullOrWhiteSpace(item.Author) ? "" : Get("Byline", language, item.Author);
        return string.IsNullOrWhiteSpace(item.Organisation) ? by : by.Length == 0 ? item.Organisation : $"{by}, {item.Organisation}";
    }

    /// <summary>A story's kind as the digest labels it ("Story: good practice"); null for events and stories without one.</summary>
    public static string? KindLabel(PublishedItem item, Language language = Language.English) =>
        item.StoryKind is { Length: > 0 } kind ? Get("StoryKind", language, Get("Kind." + Posts.StoryKinds.Of(kind), language)) : null;

    /// <summary>A story's opening: its first lines, or a bilingual story's Welsh summary for a Welsh reader.</summary>
    public static string Excerpt(PublishedItem item, Language language = Language.English)
    {
        var text = item.TextFor(language);
        if (text.Language == Language.Welsh && ListingLanguage.Of(item.Language) == ListingLanguage.Bilingual)
        {
            return text.Summary;
        }
        return string.IsNullOrWhiteSpace(item.Excerpt) ? text.Summary : item.Excerpt;
    }

    /// <summary>The language to mark on a listing's words in a digest of <paramref name="language"/>: null when they are in it.</summary>
    public static string? MarkedLanguage(PublishedItem item, Language language) =>
        item.TextFor(language).Language is var own && own != language ? own.HtmlLang() : null;

    /// <summary>"12 events and 3 stories", "1 event", "2 stories".</summary>
    public static string Counts(int events, int stories, Language language = Language.English)
    {
        var parts = new List<string>();
        if (events > 0)
        {
            parts.Add(events == 1 ? Get("Events.One", language) : Get("Events.Many", language, events));
        }
        if (stories > 0)
        {
            parts.Add(stories == 1 ? Get("Stories.One", language) : Get("Stories.Many", language, stories));
        }
        return parts.Count switch
        {
            0 => Get("News", language),
            1 => parts[0],
            _ => Get("Counts.And", language, parts[0], parts[1]),
        };
    }

    /// <summary>"12 events and 3 stories for Co-production Week", naming its days ("5 to 11 July") while the week is on.</summary>
    public static string Subject(int events, int stories, DateOnly weekStarts, DateOnly today, Language language = Language.English)
    {
        var counts = Counts(events, stories, language);
        var weekEnds = weekStarts.AddDays(6);
        if (today < weekStarts || today > weekEnds)
        {
            return Get("Subject", language, counts);
        }
        var first = weekStarts.Month == weekEnds.Month ? weekStarts.Day.ToString(language.Culture()) : DayAndMonth(weekStarts, language);
        return Get("SubjectDuringWeek", language, counts, first, DayAndMonth(weekEnds, language));
    }

    // "11 July" / "11 Gorffennaf", without the day's name.
    private static string DayAndMonth(DateOnly date, Language language) => $"{date.Day} {UkTime.MonthName(date.Month, language)}";

    /// <summary>The one line that reminds the reader why they get this: how often, and which regions and topics they chose.</summary>
    public static string Why(string frequency, IReadOnlyList<string> regions, IReadOnlyList<string> topics, Language language = Language.English)
    {
        var often = Get(frequency == "daily" ? "Often.daily" : "Often.weekly", language);
        var where = regions.Count == 0
            ? Get("Where.Anywhere", language)
            : Get("Where.Regions", language, Or(regions.Select(r => Vocabulary.NameOf(Vocabulary.Regions, r, language)), language));
        var about = topics.Count == 0
            ? Get("About.All", language)
            : Get("About.Topics", language, Or(topics.Select(t => Vocabulary.NameOf(Vocabulary.Topics, t, language).ToLower(language.Culture())), language));
        return Get("Why", language, often, where, about);
    }

    private static string Or(IEnumerable<string> names, Language language)
    {
        var list = names.ToList();
        return list.Count <= 1 ? string.Concat(list) : Get("Or", language, string.Join(", ", list[..^1]), list[^1]);
    }

    /// <summary>A heading underlined for the plain-text part.</summary>
    public static string TextHeading(string heading, char underline) => heading + "\n" + new string(underline, Math.Min(heading.Length, 40)) + "\n\n";

    /// <param name="url">The listing's page in the reader's language; its English page when not given.</param>
    public static string EventText(PublishedItem item, Language language = Language.English, string? url = null)
    {
        var own = item.TextFor(language);
        var text = new StringBuilder().Append(own.Title).Append('\n').Append(When(item, language)).Append('\n').Append(Where(item, language)).Append('\n');
        if (own.Summary.Length > 0)
        {
            text.Append(own.Summary).Append('\n');
        }
        if (item.Access.Count > 0)
        {
            text.Append(Get("Access", language, string.Join(", ", Access(item, language)))).Append('\n');
        }
        return text.Append(url ?? item.Url).Append("\n\n").ToString();
    }

    public static string StoryText(PublishedItem item, Language language = Language.English, string? url = null)
    {
        var text = new StringBuilder().Append(item.TextFor(language).Title).Append('\n');
        if (KindLabel(item, language) is { } kind)
        {
            text.Append(kind).Append('\n');
        }
        if (Byline(item, language) is { Length: > 0 } byline)
        {
            text.Append(byline).Append('\n');
        }
        return text.Append(Excerpt(item, language)).Append('\n')
            .Append(url ?? item.Url).Append("\n\n").ToString();
    }
}
