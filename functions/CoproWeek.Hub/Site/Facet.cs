using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>
/// One way to narrow the events list (region, format, topic, access need). A static site cannot filter on request,
/// so each choice gets its own pre-rendered page and the filters are plain links.
/// </summary>
public sealed record Facet(string Segment, string Label, IReadOnlyList<Term> Terms, Func<EventDetails, string, bool> Matches)
{
    public static readonly Facet Region = new("region", "Region", Vocabulary.Regions, (e, id) => e.Region == id);
    public static readonly Facet Format = new("format", "Format", Vocabulary.Formats, (e, id) => e.Format == id);
    public static readonly Facet Topic = new("topic", "Topic", Vocabulary.Topics, (e, id) => e.Topics.Contains(id));
    public static readonly Facet Access = new("access", "Access", Vocabulary.AccessNeeds, (e, id) => e.Access.Needs().Contains(id));

    public static readonly IReadOnlyList<Facet> All = [Region, Format, Topic, Access];

    /// <summary>The heading of a filtered page, in plain words: "Events in London", "Events with BSL interpretation".</summary>
    public string Heading(Term term) => Segment switch
    {
        "region" => term.Id == "uk-wide" ? "UK-wide and online events" : $"Events in {term.Name}",
        "format" => $"Events: {term.Name}",
        "topic" => $"Events about {term.Name.ToLowerInvariant()}",
        _ => $"Events with {FirstLower(term.Name)}",
    };

    // "BSL interpretation" keeps its capitals; "Step-free access" reads better mid-sentence as "step-free access".
    private static string FirstLower(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
