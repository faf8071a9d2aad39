namespace CoproWeek.Hub.Posts;

/// <summary>
/// A story as its author sent it, kept as the Submissions row's details JSON. <see cref="AuthorEmail"/> is private:
/// it is used for receipts and decisions and never published. The body and pictures live in the private
/// <c>submissions</c> container, named here.
/// </summary>
public sealed record PostDetails
{
    public string Title { get; init; } = "";
    public string AuthorName { get; init; } = "";
    public string AuthorEmail { get; init; } = "";
    public string? Organisation { get; init; }
    /// <summary>The first author's role, like "Head of Co-production".</summary>
    public string? AuthorRole { get; init; }
    /// <summary>Every author, the first being <see cref="AuthorName"/>; null on rows from before co-authors (read them with <see cref="Bylines.Of(PostDetails)"/>).</summary>
    public IReadOnlyList<Byline>? Authors { get; init; }
    /// <summary>Where the story first appeared (https), if it was published elsewhere first.</summary>
    public string? OriginalUrl { get; init; }
    /// <summary>One of <see cref="StoryKinds.All"/>; rows from before kinds are blogs.</summary>
    public string Kind { get; init; } = StoryKinds.Blog;
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? RelatedEventId { get; init; }
    public IReadOnlyList<PostImage> Images { get; init; } = [];
    /// <summary>The Markdown body's blob name in the private container: <c>posts/{id}/v{version}/body.md</c>.</summary>
    public string BodyBlob { get; init; } = "";
    /// <summary>One of <see cref="ListingLanguage.All"/>: the language of the title and body above (English when bilingual).</summary>
    public string Language { get; init; } = ListingLanguage.English;
    /// <summary>A bilingual story's Welsh title and body; null otherwise.</summary>
    public WelshStoryText? Welsh { get; init; }
}

/// <summary>A bilingual story's Welsh title and its Markdown body's blob in the private container (JSON: <c>welsh</c>).</summary>
public sealed record WelshStoryText
{
    public string Title { get; init; } = "";
    public string BodyBlob { get; init; } = "";
}

/// <summary>One re-encoded picture: its private blob, its description for people who cannot see it, and its size.</summary>
public sealed record PostImage(string Blob, string Alt, int Width, int Height, string ContentType)
{
    public string Extension => ContentType == "image/png" ? ".png" : ".jpg";
}

/// <summary>A picture on the public site: its address and description, and the sizes it is offered at (none for stories published before sizes existed).</summary>
public sealed record PublicImage(string Url, string Alt, int Width, int Height)
{
    public IReadOnlyList<PublicImageSize> Sizes { get; init; } = [];
}

/// <summary>One size of a published picture: its address, type (<c>image/webp</c>, <c>image/jpeg</c> or <c>image/png</c>) and width in pixels.</summary>
public sealed record PublicImageSize(string Url, string ContentType, int Width);

/// <summary>
/// What the site shows of a published story, kept in the site index so lists and feeds need no blob reads.
/// Has no email address: rendering can never leak it.
/// </summary>
public sealed record PublicPost
{
    public string Title { get; init; } = "";
    public string AuthorName { get; init; } = "";
    public string? Organisation { get; init; }
    public string? AuthorRole { get; init; }
    /// <summary>Every author; null on entries published before co-authors (read them with <see cref="Bylines.Of(PublicPost)"/>).</summary>
    public IReadOnlyList<Byline>? Authors { get; init; }
    /// <summary>Where the story first appeared: its page's canonical link points there, and the sitemap leaves it out.</summary>
    public string? OriginalUrl { get; init; }
    public string Kind { get; init; } = StoryKinds.Blog;
    public string Summary { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<PublicImage> Images { get; init; } = [];
    /// <summary>One of <see cref="ListingLanguage.All"/>.</summary>
    public string Language { get; init; } = ListingLanguage.English;
    /// <summary>A bilingual story's Welsh title and summary (its Welsh body is published beside the English one).</summary>
    public WelshPublicText? Welsh { get; init; }
    /// <summary>The event the story links to (its id only; the link is made from the event as published). Null on entries published before it was kept.</summary>
    public string? RelatedEventId { get; init; }

    /// <summary>The title and summary a reader of <paramref name="reader"/> sees first, and their language.</summary>
    public ListingText TextFor(Language reader)
    {
        var language = ListingLanguage.Of(Language);
        if (language == ListingLanguage.Bilingual && reader == Hub.Language.Welsh && Welsh is { } welsh)
        {
            return new(welsh.Title, welsh.Summary, null, null, Hub.Language.Welsh);
        }
        return new(Title, Summary, null, null, language == ListingLanguage.Welsh ? Hub.Language.Welsh : Hub.Language.English);
    }

    /// <summary>The public part of a story as its author sent it: what the publisher writes and the moderators' preview shows.</summary>
    public static PublicPost From(PostDetails details, string body, IReadOnlyList<PublicImage> images) => new()
    {
        Title = details.Title,
        AuthorName = details.AuthorName,
        Organisation = details.Organisation,
        AuthorRole = details.AuthorRole,
        Authors = details.Authors,
        OriginalUrl = details.OriginalUrl,
        Kind = StoryKinds.Of(details.Kind),
        Summary = PostBodyRenderer.Summary(body),
        Tags = details.Tags,
        Images = images,
    };
}

/// <summary>A bilingual story's Welsh title and summary on the public site.</summary>
public sealed record WelshPublicText(string Title, string Summary);

/// <summary>A published story as the public site shows it.</summary>
public sealed record PublishedPost(string Id, string Slug, int Version, PublicPost Post, DateTimeOffset PublishedAt);
