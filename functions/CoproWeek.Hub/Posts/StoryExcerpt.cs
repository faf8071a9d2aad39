using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// A story's opening as plain words, for digests and receipts. Walks the Markdown's syntax tree and takes only its
/// top-level paragraphs, so headings, lists, quotes and code never run into the sentences; keeps whole sentences
/// while they fit, and otherwise cuts at the last word boundary with an ellipsis.
/// </summary>
public static class StoryExcerpt
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static string From(string markdown, int maxLength = 240)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 20);
        var words = Collapse(string.Join(' ', Paragraphs(markdown)));
        if (words.Length <= maxLength)
        {
            return words;
        }
        var sentences = LastSentenceEnd(words, maxLength);
        if (sentences > maxLength / 2)
        {
            return words[..sentences];
        }
        var cut = words.LastIndexOf(' ', maxLength - 1);
        return (cut > 0 ? words[..cut] : words[..(maxLength - 1)]).TrimEnd(',', ';', ':', '.', ' ', '-') + "…";
    }

    private static IEnumerable<string> Paragraphs(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (InvalidOperationException)
        {
            // Nesting too deep for the parser: the raw words are still better than nothing.
            yield break;
        }
        foreach (var block in document)
        {
            if (block is ParagraphBlock { Inline: { } inline })
            {
                var text = new StringBuilder();
                Append(text, inline);
                if (Collapse(text.ToString()) is { Length: > 0 } paragraph)
                {
                    yield return paragraph;
                }
            }
        }
    }

    private static void Append(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case LinkInline { IsImage: true }:
                    break; // a picture's description belongs with the picture, not in the sentence
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case ContainerInline nested:
                    Append(text, nested);
                    break;
            }
        }
    }

    /// <summary>The length of the text up to and including the last sentence that ends within <paramref name="max"/>.</summary>
    private static int LastSentenceEnd(string text, int max)
    {
        var end = 0;
        for (var i = 0; i < Math.Min(text.Length, max); i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                end = i + 1;
            }
        }
        return end;
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
