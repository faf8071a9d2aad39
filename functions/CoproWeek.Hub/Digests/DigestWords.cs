using System.Globalization;
using System.Text;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Digests;

/// <summary>The digest's words, shared by its HTML components and its plain text: times, places, bylines, counts, the reason it came.</summary>
public static class DigestWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEvent(PublishedItem item) => item.Starts is not null;

    /// <summary>The UK day an event starts on.</summary>
    public static DateOnly Day(PublishedItem item) => DateOnly.FromDateTime(UkTime.ToUk(item.Starts!.Value).DateTime);

    public static string DayName(DateOnly day) => UkTime.Date(day);

    /// <summary>"10am to 12:30pm", or the end's date too when it ends on another day.</summary>
    public static string When(PublishedItem item)
    {
        var start = item.Starts!.Value;
        if (item.Ends is not { } end || end <= start)
        {
            return UkTime.Time(start);
        }
        return DateOnly.FromDateTime(UkTime.ToUk(end).DateTime) == Day(item)
            ? $"{UkTime.Time(start)} to {UkTime.Time(end)}"
            : $"{UkTime.Time(start)} to {UkTime.Date(end)}, {UkTime.Time(end)}";
    }

    /// <summary>The venue, "Online", or both; for events recorded before places were kept, the region.</summary>
    public static string Where(PublishedItem item) =>
        !string.IsNullOrWhiteSpace(item.Place) ? item.Place
        : item.Region.Length > 0 ? Vocabulary.NameOf(Vocabulary.Regions, item.Region)
        : "Place to be confirmed";

    public static string Byline(PublishedItem item)
    {
        var by = string.IsNullOrWhiteSpace(item.Author) ? "" : "By " + item.Author;
        return string.IsNullOrWhiteSpace(item.Organisation) ? by : by.Length == 0 ? item.Organisation : $"{by}, {item.Organisation}";
    }

    /// <summary>A story's kind as the digest labels it ("Story: good practice"); null for events and stories without one.</summary>
    public static string? KindLabel(PublishedItem item) =>
        item.StoryKind is { Length: > 0 } kind ? "Story: " + Posts.StoryKinds.NameOf(kind).ToLowerInvariant() : null;

    public static string Excerpt(PublishedItem item) => string.IsNullOrWhiteSpace(item.Excerpt) ? item.Summary : item.Excerpt;

    /// <summary>"12 events and 3 stories", "1 event", "2 stories".</summary>
    public static string Counts(int events, int stories)
    {
        var parts = new List<string>();
        if (events > 0)
        {
            parts.Add(events == 1 ? "1 event" : $"{events} events");
        }
        if (stories > 0)
        {
            parts.Add(stories == 1 ? "1 story" : $"{stories} stories");
        }
        return parts.Count == 0 ? "News" : string.Join(" and ", parts);
    }

    /// <summary>"12 events and 3 stories for Co-production Week", naming its days ("5 to 11 July") while the week is on.</summary>
    public static string Subject(int events, int stories, DateOnly weekStarts, DateOnly today)
    {
        var subject = $"{Counts(events, stories)} for Co-production Week";
        var weekEnds = weekStarts.AddDays(6);
        if (today < weekStarts || today > weekEnds)
        {
            return subject;
        }
        var first = weekStarts.Month == weekEnds.Month ? weekStarts.ToString("%d", English) : weekStarts.ToString("d MMMM", English);
        return $"{subject}, {first} to {weekEnds.ToString("d MMMM", English)}";
    }

    /// <summary>The one line that reminds the reader why they get this: how often, and which regions and topics they chose.</summary>
    public static string Why(string frequency, IReadOnlyList<string> regions, IReadOnlyList<string> topics)
    {
        var often = frequency == "daily" ? "each day there is news" : "once a week";
        var where = regions.Count == 0
            ? "events anywhere in the UK"
            : $"events in {Or(regions.Select(r => Vocabulary.NameOf(Vocabulary.Regions, r)))} (and UK-wide ones)";
        var about = topics.Count == 0 ? "on every topic" : $"about {Or(topics.Select(t => Vocabulary.NameOf(Vocabulary.Topics, t).ToLower(English)))}";
        return $"You get this email {often} because you asked for {where} and stories, {about}.";
    }

    private static string Or(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " or " + list[^1];
    }

    /// <summary>A heading underlined for the plain-text part.</summary>
    public static string TextHeading(string heading, char underline) => heading + "\n" + new string(underline, Math.Min(heading.Length, 40)) + "\n\n";

    public static string EventText(PublishedItem item)
    {
        var text = new StringBuilder().Append(item.Title).Append('\n').Append(When(item)).Append('\n').Append(Where(item)).Append('\n');
        if (item.Summary.Length > 0)
        {
            text.Append(item.Summary).Append('\n');
        }
        if (item.Access.Count > 0)
        {
            text.Append("Access: ").Append(string.Join(", ", item.Access)).Append('\n');
        }
        return text.Append(item.Url).Append("\n\n").ToString();
    }

    public static string StoryText(PublishedItem item)
    {
        var text = new StringBuilder().Append(item.Title).Append('\n');
        if (KindLabel(item) is { } kind)
        {
            text.Append(kind).Append('\n');
        }
        if (Byline(item) is { Length: > 0 } byline)
        {
            text.Append(byline).Append('\n');
        }
        return text.Append(Excerpt(item)).Append('\n').Append(item.Url).Append("\n\n").ToString();
    }
}
