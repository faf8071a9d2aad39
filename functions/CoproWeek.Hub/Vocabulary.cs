namespace CoproWeek.Hub;

/// <summary>One choice in a fixed list: its id in the API and its (English) name on the page; <see cref="Vocabulary.NameOf(IReadOnlyList{Term}, string, Language)"/> gives it in Welsh.</summary>
public sealed record Term(string Id, string Name);

/// <summary>The vocabulary's names in Welsh and English (<c>VocabularyText.resx</c>), keyed <c>{list}.{id}</c>.</summary>
public sealed class VocabularyText;

/// <summary>The fixed lists events and subscriptions choose from.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<Term> Regions =
    [
        new("north-east", "North East"),
        new("north-west", "North West"),
        new("yorkshire-and-the-humber", "Yorkshire and the Humber"),
        new("east-midlands", "East Midlands"),
        new("west-midlands", "West Midlands"),
        new("east-of-england", "East of England"),
        new("london", "London"),
        new("south-east", "South East"),
        new("south-west", "South West"),
        new("scotland", "Scotland"),
        new("wales", "Wales"),
        new("northern-ireland", "Northern Ireland"),
        new("uk-wide", "UK-wide or online"),
    ];

    public static readonly IReadOnlyList<Term> Topics =
    [
        new("health", "Health"),
        new("social-care", "Social care"),
        new("mental-health", "Mental health"),
        new("housing", "Housing"),
        new("education", "Education"),
        new("children-and-families", "Children and families"),
        new("research", "Research"),
        new("local-government", "Local government"),
        new("voluntary-and-community-sector", "Voluntary and community sector"),
        new("other", "Other"),
    ];

    public static readonly IReadOnlyList<Term> Formats =
    [
        new("in-person", "In person"),
        new("online", "Online"),
        new("hybrid", "Hybrid (in person and online)"),
    ];

    /// <summary>Access needs an event can meet; the ids are the names of the fields under <c>access</c>.</summary>
    public static readonly IReadOnlyList<Term> AccessNeeds =
    [
        new("stepFree", "Step-free access"),
        new("bsl", "BSL interpretation"),
        new("hearingLoop", "Hearing loop"),
        new("captions", "Live captions"),
        new("easyReadMaterials", "Easy-read materials"),
        new("quietSpace", "Quiet space"),
        new("accessibleToilets", "Accessible toilets"),
    ];

    public static string NameOf(IReadOnlyList<Term> list, string id) =>
        list.FirstOrDefault(t => t.Id == id)?.Name ?? id;

    /// <summary>A term's name in the reader's language: "Wales" is "Cymru" on a Welsh page.</summary>
    public static string NameOf(IReadOnlyList<Term> list, string id, Language language) =>
        language == Language.English || !Contains(list, id)
            ? NameOf(list, id)
            : Rendering.Localised.Get<VocabularyText>(Rendering.ResourceKeys.Of(ListName(list), id), language);

    /// <summary>The terms of a list with their names in the reader's language, in the list's order.</summary>
    public static IReadOnlyList<Term> In(IReadOnlyList<Term> list, Language language) =>
        language == Language.English ? list : list.Select(t => t with { Name = NameOf(list, t.Id, language) }).ToList();

    private static string ListName(IReadOnlyList<Term> list) =>
        ReferenceEquals(list, Regions) ? "Region"
        : ReferenceEquals(list, Topics) ? "Topic"
        : ReferenceEquals(list, Formats) ? "Format"
        : ReferenceEquals(list, AccessNeeds) ? "Access"
        : throw new ArgumentException("Not one of the vocabulary's lists.", nameof(list));

    public static bool Contains(IReadOnlyList<Term> list, string id) => list.Any(t => t.Id == id);
}
