using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Search;

/// <summary>What someone asked search for: words, and any of region, format, access needs, topic, day and cost.</summary>
public sealed record SearchQuery
{
    public const int MaxWords = 200;
    public const int PageSize = 20;

    public string Q { get; init; } = "";
    public string? Region { get; init; }
    public string? Format { get; init; }
    public IReadOnlyList<string> Access { get; init; } = [];
    public string? Topic { get; init; }
    public string? Day { get; init; }
    /// <summary><c>free</c>, <c>paid</c> or null for either.</summary>
    public string? Cost { get; init; }
    /// <summary><c>events</c>, <c>stories</c> or <c>all</c>.</summary>
    public string Kind { get; init; } = "all";
    /// <summary>One of <see cref="Posts.StoryKinds.All"/>, or null for any kind of story; given, it leaves events out.</summary>
    public string? StoryKind { get; init; }
    public int Page { get; init; } = 1;
    /// <summary>The reader's language (the route, <c>search</c> or <c>cy/search</c>, not the query string): which words of a bilingual item results show.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Language Language { get; init; }

    /// <summary>Filters only events have: any of them leaves stories out.</summary>
    public bool HasEventFilter => Region is not null || Format is not null || Access.Count > 0 || Day is not null || Cost is not null;

    public bool IncludesEvents => (Kind is "all" or "events") && StoryKind is null;

    public bool IncludesStories => (Kind is "all" or "stories") && !HasEventFilter;

    public bool IsEmpty => Q.Length == 0 && !HasEventFilter && Topic is null && StoryKind is null;

    /// <summary>Reads the query string; an empty value counts as not given (a GET form sends <c>region=</c> for "Anywhere").</summary>
    /// <param name="language">The language the problems are written in (<see cref="SearchText"/>).</param>
    public static (SearchQuery Query, Dictionary<string, string[]> Errors) Read(IQueryCollection query, Language language = Language.English)
    {
        string Say(string key, params object?[] args) => Rendering.Localised.Get<SearchText>(key, language, args);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? One(string name)
        {
            var values = query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
            if (values.Count > 1)
            {
                errors[name] = [Say("ErrorOne", name, values.Count)];
            }
            return values.FirstOrDefault();
        }
        string? Choice(string name, IReadOnlyList<Term> terms, string message)
        {
            var value = One(name);
            if (value is not null && terms.All(t => t.Id != value))
            {
                errors[name] = [message];
                return null;
            }
            return value;
        }

        var q = One("q") ?? "";
        if (q.Length > MaxWords)
        {
            errors["q"] = [Say("ErrorWords", MaxWords)];
            q = q[..MaxWords];
        }
        var access = query["access"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
        if (access.Any(a => Vocabulary.AccessNeeds.All(t => t.Id != a)))
        {
            errors["access"] = [Say("ErrorAccess")];
            access = access.Where(a => Vocabulary.AccessNeeds.Any(t => t.Id == a)).ToList();
        }
        var day = One("day");
        if (day is not null && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors["day"] = [Say("ErrorDay")];
            day = null;
        }
        var cost = One("cost");
        if (cost is not null and not ("free" or "paid"))
        {
            errors["cost"] = [Say("ErrorCost")];
            cost = null;
        }
        var kind = One("kind") ?? "all";
        if (kind is not ("all" or "events" or "stories"))
        {
            errors["kind"] = [Say("ErrorKind")];
            kind = "all";
        }
        var page = 1;
        if (One("page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > 1_000))
        {
            errors["page"] = [Say("ErrorPage")];
            page = 1;
        }
        return (new SearchQuery
        {
            Q = q,
            Region = Choice("region", Vocabulary.Regions, Say("ErrorRegion")),
            Format = Choice("format", Vocabulary.Formats, Say("ErrorFormat")),
            Topic = Choice("topic", Vocabulary.Topics, Say("ErrorTopic")),
            Access = access,
            Day = day,
            Cost = cost,
            Kind = kind,
            StoryKind = Choice("storyKind", Posts.StoryKinds.All, Say("ErrorStoryKind")),
            Page = page,
        }, errors);
    }

    /// <summary>The query string for this search, on another page or without one filter (for "remove this filter" links).</summary>
    public string ToQueryString(int? page = null, string? without = null)
    {
        var parts = new List<(string, string)>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value) && name != without)
            {
                parts.Add((name, value));
            }
        }
        Add("q", Q);
        Add("region", Region);
        Add("format", Format);
        foreach (var need in Access)
        {
            if (without != "access:" + need)
            {
                Add("access", need);
            }
        }
        Add("topic", Topic);
        Add("day", Day);
        Add("cost", Cost);
        Add("kind", Kind == "all" ? null : Kind);
        Add("storyKind", StoryKind);
        Add("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }
}
