namespace CoproWeek.Hub.Events;

/// <summary>
/// An event as its organiser describes it: the body of <c>POST /api/events</c> and <c>PUT /api/events/{id}</c>.
/// <see cref="Contact"/> is private: it is used for receipts and decisions and never published.
/// </summary>
public sealed record EventDetails
{
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Description { get; init; } = "";
    public Organiser Organiser { get; init; } = new();
    public Contact Contact { get; init; } = new();
    public DateTimeOffset Start { get; init; }
    public DateTimeOffset End { get; init; }
    /// <summary><c>in-person</c>, <c>online</c> or <c>hybrid</c>.</summary>
    public string Format { get; init; } = "";
    public Venue? Venue { get; init; }
    public OnlineDetails? Online { get; init; }
    /// <summary>A region id from <see cref="Vocabulary.Regions"/>.</summary>
    public string Region { get; init; } = "";
    /// <summary>Topic ids from <see cref="Vocabulary.Topics"/>.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>"free", or a short text such as "£5, free for people with lived experience".</summary>
    public string? Cost { get; init; }
    public string? BookingUrl { get; init; }
    /// <summary>A few short sentences in plain words, written by the organiser; shown first on the page.</summary>
    public string? EasyRead { get; init; }
    public Coproduction Coproduction { get; init; } = new();
    public Access Access { get; init; } = new();
    /// <summary>One of <see cref="ListingLanguage.All"/>: the language of the fields above (English when bilingual).</summary>
    public string Language { get; init; } = ListingLanguage.English;
    /// <summary>The Welsh words of a bilingual listing; null otherwise.</summary>
    public WelshEventText? Welsh { get; init; }

    /// <summary>The words a reader of <paramref name="reader"/> sees first: their own language when the listing has it.</summary>
    public ListingText TextFor(Language reader)
    {
        var language = ListingLanguage.Of(Language);
        if (language == ListingLanguage.Bilingual && reader == Hub.Language.Welsh && Welsh is { } welsh)
        {
            return new(welsh.Title, welsh.Summary, welsh.Description, welsh.EasyRead, Hub.Language.Welsh);
        }
        return new(Title, Summary, Description, EasyRead, language == ListingLanguage.Welsh ? Hub.Language.Welsh : Hub.Language.English);
    }

    /// <summary>A bilingual listing's words in the language the reader does not see first; null for a one-language listing.</summary>
    public ListingText? OtherTextFor(Language reader)
    {
        if (ListingLanguage.Of(Language) != ListingLanguage.Bilingual || Welsh is not { } welsh)
        {
            return null;
        }
        return reader == Hub.Language.Welsh
            ? new(Title, Summary, Description, EasyRead, Hub.Language.English)
            : new(welsh.Title, welsh.Summary, welsh.Description, welsh.EasyRead, Hub.Language.Welsh);
    }

    public bool IsFree => string.IsNullOrWhiteSpace(Cost) || string.Equals(Cost.Trim(), "free", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A bilingual event's Welsh title, summary, description and easy-read text (JSON: <c>welsh</c>).</summary>
public sealed record WelshEventText
{
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string? Description { get; init; }
    public string? EasyRead { get; init; }
}

public sealed record Organiser
{
    public string Name { get; init; } = "";
    public string? Website { get; init; }
}

/// <summary>Private: never appears on the public site, in feeds or in JSON.</summary>
public sealed record Contact
{
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
}

public sealed record Venue
{
    public string? Name { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
}

public sealed record OnlineDetails
{
    public string? JoiningInfo { get; init; }
}

/// <summary>How people with lived experience shaped the event, and whether their time is paid.</summary>
public sealed record Coproduction
{
    public string? LivedExperienceInvolvement { get; init; }
    public bool ParticipantsPaid { get; init; }
    public bool ExpensesCovered { get; init; }
}

public sealed record Access
{
    public bool StepFree { get; init; }
    public bool Bsl { get; init; }
    public bool HearingLoop { get; init; }
    public bool Captions { get; init; }
    public bool EasyReadMaterials { get; init; }
    public bool QuietSpace { get; init; }
    public bool AccessibleToilets { get; init; }
    public string? Notes { get; init; }

    /// <summary>The ids (see <see cref="Vocabulary.AccessNeeds"/>) of the needs this event meets.</summary>
    public IReadOnlyList<string> Needs() =>
        new (string Id, bool Met)[]
        {
            ("stepFree", StepFree), ("bsl", Bsl), ("hearingLoop", HearingLoop), ("captions", Captions),
            ("easyReadMaterials", EasyReadMaterials), ("quietSpace", QuietSpace), ("accessibleToilets", AccessibleToilets),
        }.Where(n => n.Met).Select(n => n.Id).ToList();
}

/// <summary>An approved event as the public site shows it. Rendering must never read <c>Details.Contact</c>.</summary>
public sealed record PublishedEvent(string Id, string Slug, int Version, EventDetails Details, DateTimeOffset PublishedAt);
