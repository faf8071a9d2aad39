namespace CoproWeek.Hub.Email;

/// <summary>
/// What a one-to-one email says, before it is HTML or text: the model each transactional email type builds, from
/// which <see cref="Templates.LetterEmail"/> makes the HTML and <see cref="LetterText"/> the plain text. Plain words
/// only: the forms add the markup, so nothing here is encoded and nothing mentions buttons.
/// </summary>
public sealed record Letter
{
    /// <summary>The language every word below is in (a quote or a recap may hold the sender's own words).</summary>
    public Language Language { get; init; } = Language.English;
    public required string Subject { get; init; }
    public required string Heading { get; init; }
    /// <summary>"Hello Sam," or null.</summary>
    public string? Greeting { get; init; }
    public IReadOnlyList<string> Opening { get; init; } = [];
    /// <summary>What the person sent, repeated back.</summary>
    public Recap? Recap { get; init; }
    /// <summary>What a moderator or the checks said, quoted.</summary>
    public Quote? Reason { get; init; }
    /// <summary>"What happens next" (or another heading) and its paragraphs.</summary>
    public Section? Next { get; init; }
    /// <summary>The one action, shown as a button in HTML and a labelled link in text.</summary>
    public LetterLink? Action { get; init; }
    /// <summary>Further links, shown as labelled links in both forms.</summary>
    public IReadOnlyList<LetterLink> Links { get; init; } = [];
    public IReadOnlyList<string> Closing { get; init; } = [];
    /// <summary>A line or two under the footer rule, e.g. why the person got this.</summary>
    public string? Footnote { get; init; }
}

/// <summary>A labelled link: what it does, and where it goes. <paramref name="Note"/> is said after it, e.g. "Do not share it."</summary>
public sealed record LetterLink(string Label, string Url, string? Note = null);

/// <param name="TextLanguage">The language of the title and excerpt as the sender wrote them, when it may differ from the letter's.</param>
public sealed record Recap(string Heading, string Title, IReadOnlyList<RecapRow> Rows, string? Excerpt = null, Language? TextLanguage = null);

public sealed record RecapRow(string Label, string Value);

/// <param name="TextLanguage">The quoted words' language when it may differ from the letter's (the checks' findings are English).</param>
public sealed record Quote(string Label, string Text, Language? TextLanguage = null);

public sealed record Section(string Heading, IReadOnlyList<string> Paragraphs);
