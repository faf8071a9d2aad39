using System.Xml.Linq;
using AngleSharp.Dom;
using CoproWeek.Host.DevStorage;

namespace CoproWeek.Tests.Welsh;

/// <summary>
/// What every Welsh page must get right, read from the resource files themselves: no English interface words left
/// (each English resource value that differs from its Welsh one is looked for in the page's text), Welsh marked as
/// Welsh, and a language link with its <c>hreflang</c> pair.
/// </summary>
internal static class WelshChecks
{
    private static readonly Lazy<IReadOnlyList<ResourcePair>> Pairs = new(LoadPairs);

    // Every Welsh value of every pair: a word that is Welsh somewhere ("Cost" is Welsh for cost too) is no sign of English left.
    private static readonly Lazy<string> AllWelsh = new(() => string.Join("\n", Pairs.Value.SelectMany(p => p.Welsh.Values)));

    /// <summary>Every <c>.resx</c> beside the hub's features with its Welsh twin.</summary>
    public static IReadOnlyList<ResourcePair> ResourcePairs => Pairs.Value;

    /// <summary>English interface words found in a Welsh page's visible text (and its title and described attributes).</summary>
    public static IReadOnlyList<string> EnglishLeftIn(IDocument page)
    {
        var text = VisibleText(page);
        var left = new List<string>();
        foreach (var pair in ResourcePairs)
        {
            foreach (var (key, english) in pair.English)
            {
                pair.Welsh.TryGetValue(key, out var welsh);
                foreach (var fragment in Fragments(english))
                {
                    // A fragment the Welsh shares (a name, "BSL", "JSON") is not a sign of English left behind.
                    if (welsh is not null && welsh.Contains(fragment, StringComparison.Ordinal) || AllWelsh.Value.Contains(fragment, StringComparison.Ordinal))
                    {
                        continue;
                    }
                    if (text.Contains(fragment, StringComparison.Ordinal))
                    {
                        left.Add($"{Path.GetFileName(pair.EnglishPath)} {key}: \"{fragment}\"");
                    }
                }
            }
        }
        return left;
    }

    /// <summary>Asserts a page is a sound Welsh page: <c>lang="cy"</c>, an English twin by <c>hreflang</c>, the language link, no English left.</summary>
    public static void AssertWelshPage(IDocument page)
    {
        Assert.Equal("cy", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][hreflang=cy]"));
        var english = page.QuerySelector("link[rel=alternate][hreflang=en]");
        Assert.NotNull(english);
        var link = page.QuerySelector("a.language-link");
        Assert.NotNull(link);
        Assert.Equal(english.GetAttribute("href"), link.GetAttribute("href"));
        Assert.Equal("en-GB", link.GetAttribute("lang"));
        var left = EnglishLeftIn(page);
        Assert.True(left.Count == 0, "English left on a Welsh page:\n" + string.Join("\n", left));
    }

    // A value with placeholders is looked for piece by piece, each piece long enough to mean something.
    private static IEnumerable<string> Fragments(string english) =>
        System.Text.RegularExpressions.Regex.Split(english, @"\{\d+\}")
            .Select(f => f.Trim(' ', ',', '.', ':', ';', '(', ')'))
            .Where(f => f.Length >= 4 && f.Any(char.IsLetter));

    private static string VisibleText(IDocument page)
    {
        var parts = new List<string> { page.Title ?? "" };
        // Text inside an element marked as English (the language link, an English listing's own words) is meant to be English.
        foreach (var node in page.Body!.Descendants().OfType<IText>())
        {
            if (node.ParentElement?.Closest("[lang]")?.GetAttribute("lang") is { } lang && !lang.StartsWith("cy", StringComparison.Ordinal))
            {
                continue;
            }
            if (node.ParentElement?.Closest("script, style") is not null)
            {
                continue;
            }
            parts.Add(node.Data);
        }
        foreach (var element in page.QuerySelectorAll("[aria-label], [alt], [title], input[placeholder], meta[name=description]"))
        {
            if (element.Closest("[lang]")?.GetAttribute("lang") is { } lang && !lang.StartsWith("cy", StringComparison.Ordinal))
            {
                continue;
            }
            parts.AddRange(new[] { "aria-label", "alt", "title", "placeholder", "content" }.Select(element.GetAttribute).OfType<string>());
        }
        return System.Text.RegularExpressions.Regex.Replace(string.Join("\n", parts), @"\s+", " ");
    }

    private static IReadOnlyList<ResourcePair> LoadPairs()
    {
        var root = RepoRoot.Find() ?? throw new InvalidOperationException("Run from inside the repository.");
        var hub = Path.Combine(root, "functions", "CoproWeek.Hub");
        return Directory.EnumerateFiles(hub, "*.resx", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".cy.resx", StringComparison.Ordinal) && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal)
            .Select(p => new ResourcePair(p, Read(p), Read(p[..^".resx".Length] + ".cy.resx")))
            .ToList();
    }

    private static IReadOnlyDictionary<string, string> Read(string path) =>
        File.Exists(path)
            ? XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "")
            : new Dictionary<string, string>();
}

internal sealed record ResourcePair(string EnglishPath, IReadOnlyDictionary<string, string> English, IReadOnlyDictionary<string, string> Welsh);
