using System.Text.Json;
using System.Text.RegularExpressions;
using CoproWeek.Hub.Http;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// The parts of a story that say who wrote it, where it first appeared and what kind it is. The first author comes as
/// <c>authorName</c>, <c>authorRole</c> and <c>organisation</c> (what older clients send), or as <c>authors[0].name</c>
/// and so on; co-authors as <c>authors[1].name</c>, <c>authors[2].role</c>; or all of them as one <c>authors</c> part
/// holding a JSON array of <c>{ name, role, organisation }</c>.
/// </summary>
public static partial class StoryFields
{
    public const int MaxName = 120;
    public const string WelshTitle = "welsh.title";
    public const string WelshBody = "welsh.body";

    /// <summary>
    /// The story's language and, when bilingual, its Welsh title and body (the same limits and checks as the English
    /// ones). Programs and the form both send multipart parts, so Welsh parts beside another language are not used.
    /// </summary>
    public static (string Language, WelshStoryDraft? Welsh) ReadWelsh(FieldReader f)
    {
        var language = f.ReadLanguage();
        var title = f.Text(WelshTitle, f.Label(WelshTitle), PostValidator.MaxTitle);
        var body = f.Text(WelshBody, f.Label(WelshBody), PostBodyRenderer.MaxLength * 2, multiline: true);
        if (!f.CheckWelsh(language, fromForm: true, (WelshTitle, f.Label(WelshTitle), title, true), (WelshBody, f.Label(WelshBody), body, true)))
        {
            return (language, null);
        }
        if (body is not null && !f.Errors.ContainsKey(WelshBody) && PostBodyRenderer.Problem(body) is { } problem)
        {
            f.Fail(WelshBody, problem);
        }
        return (language, title is null || body is null ? null : new WelshStoryDraft(title, body));
    }

    public static string AuthorField(int index, string part) => $"authors[{index}].{part}";

    /// <summary>Every author, the first first; an empty list when something is wrong (the reader has the errors).</summary>
    public static IReadOnlyList<Byline> ReadAuthors(FieldReader f, InputFields input)
    {
        var name = f.Text("authorName", f.Label("authorName"), MaxName);
        var role = f.Text("authorRole", f.Label("authorRole"), Bylines.MaxRole);
        var organisation = f.Text("organisation", f.Label("organisation"), MaxName);
        var listed = input["authors"] is null ? ReadIndexed(f, input) : ReadJson(f, input);
        var authors = new List<Byline>();
        if (name is not null)
        {
            if (listed.ContainsKey(0))
            {
                f.Fail("authorName", f.Say("Story.FirstAuthorTwice"));
            }
            authors.Add(new Byline(name, role, organisation));
        }
        else if ((role ?? organisation) is not null && !listed.ContainsKey(0))
        {
            f.Fail("authorName", f.Say("Story.NameForRole"));
        }
        authors.AddRange(listed.OrderBy(kv => kv.Key).Select(kv => kv.Value));
        if (authors.Count == 0 && !f.Errors.ContainsKey("authorName") && !f.Errors.ContainsKey("authors"))
        {
            f.Fail("authorName", f.Say("Story.Name"));
        }
        if (authors.Count > Bylines.MaxAuthors)
        {
            f.Fail("authors", f.Say("Story.TooManyAuthors", authors.Count, Bylines.MaxAuthors));
        }
        return authors;
    }

    public static string? ReadOriginalUrl(FieldReader f) =>
        f.Https("originalUrl", f.Label("originalUrl"));

    public static string ReadKind(FieldReader f) =>
        f.Choice("kind", f.Label("kind"), StoryKinds.All, required: false) ?? StoryKinds.Blog;

    private static Dictionary<int, Byline> ReadIndexed(FieldReader f, InputFields input)
    {
        var listed = new Dictionary<int, Byline>();
        foreach (var extra in input.Names.Select(n => AuthorName().Match(n)).Where(m => m.Success && (!int.TryParse(m.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= Bylines.MaxAuthors)).ToList())
        {
            f.Take(extra.Value);
            f.Fail("authors", f.Say("Story.AuthorsIndex", Bylines.MaxAuthors, Bylines.MaxAuthors - 1));
        }
        for (var i = 0; i < Bylines.MaxAuthors; i++)
        {
            var name = f.Text(AuthorField(i, "name"), f.Say("Label.author.name", i + 1), MaxName);
            var role = f.Text(AuthorField(i, "role"), f.Say("Label.author.role", i + 1), Bylines.MaxRole);
            var organisation = f.Text(AuthorField(i, "organisation"), f.Say("Label.author.organisation", i + 1), MaxName);
            if (name is not null)
            {
                listed[i] = new Byline(name, role, organisation);
            }
            else if ((role ?? organisation) is not null)
            {
                f.Fail(AuthorField(i, "name"), f.Say("Story.AuthorNameForRole", i + 1));
            }
        }
        return listed;
    }

    /// <summary>One part named <c>authors</c> holding a JSON array; each entry's text is checked like a form field.</summary>
    private static Dictionary<int, Byline> ReadJson(FieldReader f, InputFields input)
    {
        var text = f.Text("authors", f.Label("authors"), 4000);
        var listed = new Dictionary<int, Byline>();
        if (text is null)
        {
            return listed;
        }
        List<Dictionary<string, string?>>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(text);
        }
        catch (JsonException)
        {
            entries = null;
        }
        if (entries is null)
        {
            f.Fail("authors", f.Say("Story.AuthorsJson"));
            return listed;
        }
        if (entries.Count > Bylines.MaxAuthors)
        {
            f.Fail("authors", f.Say("Story.TooManyAuthors", entries.Count, Bylines.MaxAuthors));
            return listed;
        }
        if (entries.IndexOf(null!) is var missing and >= 0)
        {
            f.Fail("authors", f.Say("Story.AuthorNull", missing + 1));
            return listed;
        }
        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var (key, value) in entries[i])
            {
                fields[AuthorField(i, key)] = value ?? "";
            }
        }
        var entryFields = InputFields.FromParts(fields);
        var inner = new FieldReader(entryFields, f.Language);
        var read = ReadIndexed(inner, entryFields);
        inner.RejectUnknown();
        foreach (var (field, messages) in inner.Errors)
        {
            foreach (var message in messages)
            {
                f.Fail(field, message);
            }
        }
        return read;
    }

    // [0-9], not \d: \d is every Unicode digit in .NET, and int parsing takes ASCII digits only.
    [GeneratedRegex(@"^authors\[([0-9]{1,6})\]\.")]
    private static partial Regex AuthorName();
}
