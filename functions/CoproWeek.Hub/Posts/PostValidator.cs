using CoproWeek.Hub.Http;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Posts;

/// <summary>A story that passed every check, ready to store: its fields, its Markdown body and its prepared pictures.</summary>
public sealed record PostDraft(
    string Title,
    IReadOnlyList<Byline> Authors,
    string AuthorEmail,
    string? OriginalUrl,
    string Kind,
    IReadOnlyList<string> Tags,
    string? RelatedEventId,
    string Body,
    IReadOnlyList<DescribedImage> Images,
    string Language = ListingLanguage.English,
    WelshStoryDraft? Welsh = null);

/// <summary>A bilingual story's Welsh title and Markdown body, before they are stored.</summary>
public sealed record WelshStoryDraft(string Title, string Body);

/// <summary>The outcome of reading a story: the draft, or every problem by field; and whether the honeypot was filled.</summary>
public sealed record PostInput(PostDraft? Draft, Dictionary<string, string[]> Errors, bool Honeypot);

/// <summary>Checks a story field by field, with the same words for the API and the form.</summary>
public static class PostValidator
{
    public const string HoneypotField = "website";
    public const int MaxTitle = 120;
    public const int MaxTags = 10;
    public const int MaxTagLength = 30;

    /// <summary>Every field the form has, top to bottom: the error summary follows this order.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "title", "body", "images", "imageAlt", "kind", "tags", "relatedEventId", "originalUrl",
        "authorName", "authorRole", "organisation",
        "authors[1].name", "authors[1].role", "authors[1].organisation", "authors[2].name", "authors[2].role", "authors[2].organisation", "authors",
        "authorEmail", "consent", Http.LanguageFields.Language, StoryFields.WelshTitle, StoryFields.WelshBody,
    ];

    public static PostInput Read(PostUpload upload, Language pageLanguage = Hub.Language.English)
    {
        var f = new FieldReader(upload.Fields, pageLanguage);
        var honeypot = f.Take(HoneypotField) is { Text: { Length: > 0 } };
        var title = f.Text("title", f.Label("title"), MaxTitle, required: true);
        var authors = StoryFields.ReadAuthors(f, upload.Fields);
        var authorEmail = f.Email("authorEmail", f.Label("authorEmail"), required: true);
        var originalUrl = StoryFields.ReadOriginalUrl(f);
        var kind = StoryFields.ReadKind(f);
        var body = f.Text("body", f.Label("body"), PostBodyRenderer.MaxLength * 2, multiline: true);
        var tagText = f.Text("tags", f.Label("tags"), 400);
        var relatedEventId = f.Text("relatedEventId", f.Label("relatedEventId"), 40);
        var consent = f.Flag("consent", f.Label("consent"));
        var (language, welsh) = StoryFields.ReadWelsh(f);
        f.RejectUnknown();

        if (!f.Errors.ContainsKey("body") && PostBodyRenderer.Problem(body) is { } bodyProblem)
        {
            f.Fail("body", bodyProblem);
        }
        var tags = Tags(tagText, f);
        if (relatedEventId is not null && !SubmissionStore.IsId(relatedEventId))
        {
            f.Fail("relatedEventId", f.Say("Story.RelatedEvent"));
        }
        if (!consent && !f.Errors.ContainsKey("consent"))
        {
            f.Fail("consent", f.Say("Story.Consent"));
        }
        foreach (var (field, messages) in upload.ImageErrors)
        {
            foreach (var message in messages)
            {
                f.Fail(field, message);
            }
        }

        if (!f.IsValid)
        {
            return new PostInput(null, f.Errors, honeypot);
        }
        return new PostInput(new PostDraft(title!, authors, authorEmail!, originalUrl, kind, tags, relatedEventId, body!, upload.Images, language, welsh), f.Errors, honeypot);
    }

    /// <summary>Comma-separated tags, trimmed, without repeats.</summary>
    private static IReadOnlyList<string> Tags(string? text, FieldReader f)
    {
        if (text is null)
        {
            return [];
        }
        var tags = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tags.Count > MaxTags)
        {
            f.Fail("tags", f.Say("Story.TooManyTags", tags.Count, MaxTags));
        }
        var tooLong = tags.Where(t => t.Length > MaxTagLength).ToList();
        if (tooLong.Count > 0)
        {
            f.Fail("tags", f.Say("Story.TagTooLong", MaxTagLength, string.Join(", ", tooLong.Select(t => t[..MaxTagLength] + "…"))));
        }
        return tags;
    }

    /// <summary>The tags that name a topic (by id or name), as topic ids, for digests.</summary>
    public static IReadOnlyList<string> Topics(IEnumerable<string> tags) =>
        tags.Select(t => Vocabulary.Topics.FirstOrDefault(topic =>
                string.Equals(topic.Id, t, StringComparison.OrdinalIgnoreCase) || string.Equals(topic.Name, t, StringComparison.OrdinalIgnoreCase))?.Id)
            .Where(id => id is not null).Select(id => id!).Distinct().ToList();
}
