using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Supporters;

/// <summary>
/// An organisation's pledge of support as it sent it, kept as the Submissions row's details JSON. The organisation's
/// name is kept as <see cref="Title"/>, the word the moderation queue and decision emails read for every kind.
/// <see cref="ContactEmail"/> is private: it is used for receipts and decisions and never published.
/// </summary>
public sealed record SupporterDetails
{
    /// <summary>The organisation's name as it should be listed.</summary>
    public string Title { get; init; } = "";
    public string Website { get; init; } = "";
    public string Statement { get; init; } = "";
    public string ContactEmail { get; init; } = "";
    /// <summary>The re-encoded logo in the private container, if one was sent.</summary>
    public PostImage? Logo { get; init; }
    /// <summary>The organisation agreed to be listed on the supporters page (required to send a pledge).</summary>
    public bool Consent { get; init; }
}

/// <summary>What the supporters page shows of one organisation. Has no email address: rendering can never leak it.</summary>
public sealed record PublicSupporter(string Name, string Website, string Statement, PublicImage? Logo)
{
    public static PublicSupporter From(SupporterDetails details, PublicImage? logo) => new(details.Title, details.Website, details.Statement, logo);
}

/// <summary>An approved supporter as the public site lists it.</summary>
public sealed record PublishedSupporter(string Id, string Slug, int Version, PublicSupporter Supporter, DateTimeOffset PublishedAt);
