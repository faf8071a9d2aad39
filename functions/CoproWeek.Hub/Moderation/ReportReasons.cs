namespace CoproWeek.Hub.Moderation;

/// <summary>What a member of the public can say is wrong with an event or story.</summary>
public static class ReportReasons
{
    public static readonly IReadOnlyList<Term> All =
    [
        new("not-coproduction", "It is not a co-production event or story"),
        new("wrong-details", "The details are wrong (date, place, links)"),
        new("offensive", "It is offensive or harmful"),
        new("spam", "It is spam or advertising"),
        new("other", "Something else"),
    ];

    /// <summary>The reason in a few words, for the moderation queue.</summary>
    public static string InFewWords(string id) => id switch
    {
        "not-coproduction" => "not co-production",
        "wrong-details" => "wrong details",
        "offensive" => "offensive",
        "spam" => "spam",
        "other" => "other",
        _ => id,
    };
}
