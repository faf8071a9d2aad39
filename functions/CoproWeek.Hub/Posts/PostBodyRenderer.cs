using System.Diagnostics.CodeAnalysis;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// Turns a contributor's Markdown story into HTML that is safe to publish, and into plain text for summaries and email.
/// Pure and thread-safe: one configured pipeline and sanitiser serve every call.
/// </summary>
public static class PostBodyRenderer
{
    /// <summary>The longest post body we accept, in characters.</summary>
    public const int MaxLength = 20_000;

    /// <summary>
    /// The most lists and quotes a story may hold inside each other, and separately the most emphasis marks, links and
    /// brackets inside each other. Real stories use three or four; Markdig's own renderer gives up at 128 nested
    /// elements, and a few thousand <c>*</c> or <c>[</c> in a row nest that deep.
    /// </summary>
    public const int MaxNesting = 16;

    /// <summary>The attribute every link in a post carries: the links are the contributor's, not ours.</summary>
    public const string LinkRel = "nofollow ugc noopener";

    // Raw HTML off: "<script>" typed in a post is shown as text, never parsed as a tag.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    // The second line of defence: whatever Markdig emits goes through an allow-list.
    // HtmlSanitizer documents Sanitize/SanitizeDom as thread-safe on a shared instance once configured,
    // and we never change it after this initialiser (and attach no event handlers that hold state).
    private static readonly HtmlSanitizer Sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote",
            "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "start" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        AllowedCssProperties = new HashSet<string>(),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowedCssClasses = new HashSet<string>(),
    });

    /// <summary>Renders <paramref name="markdown"/> to safe HTML; images survive only if their URL is one of <paramref name="imageUrls"/> (the post's own published images).</summary>
    public static string ToHtml(string markdown, IReadOnlyCollection<string> imageUrls)
    {
        if (!TryParse(markdown, out var document, out _))
        {
            // Nesting too deep (submission refuses it; a story stored before that check may have it): show the words, never fail a publish.
            return string.Concat(Paragraphs(markdown).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>\n"));
        }
        DemoteHeadings(document);
        var html = document.ToHtml(Pipeline);

        var dom = Sanitizer.SanitizeDom(html);
        var body = dom.Body!;
        KeepOwnImages(body, imageUrls);
        KeepAbsoluteLinks(body);
        return body.ChildNodes.ToHtml(HtmlFormatter.Instance);
    }

    /// <summary>The words of the post without markup, paragraphs separated by a blank line: for email text parts.</summary>
    public static string ToPlainText(string markdown)
    {
        if (!TryParse(markdown, out var document, out _))
        {
            return string.Join("\n\n", Paragraphs(markdown));
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        // Markdig ends each block with one line break; a blank line between them reads better in an email.
        return string.Join("\n\n", Paragraphs(writer.ToString()));
    }

    /// <summary>Null if the body can be published, or one plain-English sentence saying what to change: for the submission form.</summary>
    public static string? Problem(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "Write your story.";
        }
        if (markdown.Length > MaxLength)
        {
            return $"Your story is {markdown.Length:N0} characters long. Make it {MaxLength:N0} characters or fewer.";
        }
        if (TryParse(markdown, out _, out var nesting))
        {
            return null;
        }
        return nesting switch
        {
            Nesting.BlocksTooDeep => $"Your story has lists or quotes inside each other more than {MaxNesting} levels deep. Use fewer levels.",
            Nesting.InlinesTooDeep => $"Your story has more than {MaxNesting} emphasis marks (* or _), links or square brackets inside each other. "
                + @"Use fewer, or put a \ before each *, _ or [ that you mean as itself.",
            _ => null,
        };
    }

    /// <summary>The start of the post as one line of plain text, cut at a word and marked with an ellipsis if longer than <paramref name="maxLength"/>.</summary>
    public static string Summary(string markdown, int maxLength = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 10);
        var words = ToPlainText(markdown).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var line = string.Join(' ', words);
        if (line.Length <= maxLength)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', maxLength - 1);
        return (cut > maxLength / 2 ? line[..cut] : line[..(maxLength - 1)]).TrimEnd(',', ';', ':', '.', ' ') + "…";
    }

    private enum Nesting { Fine, BlocksTooDeep, InlinesTooDeep }

    // Markdig bounds the nesting of blocks while parsing (it throws), but not of inlines: a run of "*" or "[" parses to
    // thousands of elements inside each other, and then its renderer throws at 128 levels. So the depth is measured
    // here, once, on the parsed document, and anything past MaxNesting is never handed to the renderer or the sanitiser.
    private static bool TryParse(string markdown, [NotNullWhen(true)] out MarkdownDocument? document, out Nesting nesting)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        // Submission refuses longer bodies (see Problem); a longer one here is a caller's bug, not the reader's problem.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(markdown.Length, MaxLength, nameof(markdown));
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's block nesting guard ("too deeply nested") is the only ArgumentException a non-null string can raise.
            document = null;
            nesting = Nesting.BlocksTooDeep;
            return false;
        }
        nesting = MeasureNesting(document);
        if (nesting != Nesting.Fine)
        {
            document = null;
            return false;
        }
        return true;
    }

    // Walks the document without recursion, counting along each path the lists and quotes (blocks) and the emphasis,
    // links and unmatched brackets (inlines: every inline container but a paragraph's own root).
    private static Nesting MeasureNesting(MarkdownDocument document)
    {
        // Tables and list items add elements no one counts as a level; this keeps the total well under Markdig's 128.
        const int maxElements = 4 * MaxNesting;
        var pending = new Stack<(MarkdownObject Node, int Blocks, int Inlines, int Elements)>();
        pending.Push((document, 0, 0, 0));
        while (pending.TryPop(out var at))
        {
            var (node, blocks, inlines, elements) = at;
            if (inlines > MaxNesting)
            {
                return Nesting.InlinesTooDeep;
            }
            if (blocks > MaxNesting || elements > maxElements)
            {
                return Nesting.BlocksTooDeep;
            }
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, blocks + (child is QuoteBlock or ListBlock ? 1 : 0), inlines, elements + 1));
                    }
                    break;
                case LeafBlock { Inline: { } root }:
                    pending.Push((root, blocks, inlines, elements + 1));
                    break;
                case ContainerInline container:
                    // Only containers can nest; plain text and other leaves are not worth a visit.
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                    {
                        if (child is ContainerInline)
                        {
                            pending.Push((child, blocks, inlines + 1, elements + 1));
                        }
                    }
                    break;
            }
        }
        return Nesting.Fine;
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The post page has its own h1 (the title); the body's "#" becomes h2 and so on, down to h6.
    // The page's h1 is the story's title, so the story's own headings start at h2, whichever level the contributor began
    // with ("##" is as common as "#"), and never skip a level going down: a screen reader's list of headings stays a tree.
    private static void DemoteHeadings(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
        {
            return;
        }
        var shift = 2 - headings.Min(h => h.Level);
        var previous = 1;
        foreach (var heading in headings)
        {
            var level = Math.Clamp(heading.Level + shift, 2, Math.Min(previous + 1, 6));
            heading.Level = level;
            previous = level;
        }
    }

    // An image from anywhere else could track readers or show something a moderator never saw.
    // It gives way to its description, so readers still learn what the contributor meant to show.
    private static void KeepOwnImages(IHtmlElement body, IReadOnlyCollection<string> imageUrls)
    {
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            var src = image.GetAttribute("src");
            if (src is not null && imageUrls.Contains(src, StringComparer.Ordinal))
            {
                continue;
            }
            var parent = image.ParentElement;
            var alt = image.GetAttribute("alt");
            if (!string.IsNullOrWhiteSpace(alt))
            {
                image.Parent!.InsertBefore(image.Owner!.CreateTextNode(alt), image);
            }
            image.Remove();
            if (parent is { LocalName: "p" } && string.IsNullOrWhiteSpace(parent.TextContent) && parent.ChildElementCount == 0)
            {
                parent.Remove();
            }
        }
    }

    // Only absolute http(s) and mailto links survive; anything else (relative, fragment, protocol-relative) becomes its text.
    private static void KeepAbsoluteLinks(IHtmlElement body)
    {
        foreach (var link in body.QuerySelectorAll("a").ToList())
        {
            var href = link.GetAttribute("href");
            if (href is null || !Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
            {
                Unwrap(link);
                continue;
            }
            link.RemoveAttribute("target");
            if (uri.Scheme is "http" or "https")
            {
                link.SetAttribute("rel", LinkRel);
            }
        }
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent!;
        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }
        element.Remove();
    }
}
