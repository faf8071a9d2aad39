using System.Text;

namespace CoproWeek.Hub.Email;

/// <summary>The plain-text form of a <see cref="Letter"/>: short lines, headings underlined, each link on its own line after its label.</summary>
public static class LetterText
{
    public static string Write(Letter letter) => Write([letter]);

    /// <summary>The letter in each of its languages, one after the other under a rule, then one footer.</summary>
    public static string Write(IReadOnlyList<Letter> letters)
    {
        var text = new StringBuilder();
        for (var i = 0; i < letters.Count; i++)
        {
            if (i > 0)
            {
                text.Append(new string('~', 40)).Append("\n\n");
            }
            Body(text, letters[i]);
        }
        text.Append("-- \n");
        foreach (var footnote in letters.Select(l => l.Footnote).OfType<string>())
        {
            text.Append(footnote).Append("\n\n");
        }
        foreach (var language in letters.Select(l => l.Language).Distinct())
        {
            text.Append(EmailWords.Get("Week.Motto", language)).Append('\n');
        }
        return text.ToString();
    }

    private static void Body(StringBuilder text, Letter letter)
    {
        Heading(text, letter.Heading, '=');
        if (letter.Greeting is not null)
        {
            Paragraph(text, letter.Greeting);
        }
        foreach (var paragraph in letter.Opening)
        {
            Paragraph(text, paragraph);
        }
        if (letter.Recap is { } recap)
        {
            Heading(text, recap.Heading, '-');
            text.Append(recap.Title).Append('\n');
            foreach (var row in recap.Rows)
            {
                text.Append(row.Label).Append(": ").Append(row.Value).Append('\n');
            }
            if (!string.IsNullOrEmpty(recap.Excerpt))
            {
                text.Append('\n').Append(recap.Excerpt).Append('\n');
            }
            text.Append('\n');
        }
        if (letter.Reason is { } reason)
        {
            Heading(text, reason.Label, '-');
            Paragraph(text, reason.Text);
        }
        if (letter.Next is { } next)
        {
            Heading(text, next.Heading, '-');
            foreach (var paragraph in next.Paragraphs)
            {
                Paragraph(text, paragraph);
            }
        }
        foreach (var link in letter.Action is null ? letter.Links : [letter.Action, .. letter.Links])
        {
            Link(text, link);
        }
        foreach (var paragraph in letter.Closing)
        {
            Paragraph(text, paragraph);
        }
    }

    public static void Heading(StringBuilder text, string heading, char underline) =>
        text.Append(heading).Append('\n').Append(underline, Math.Min(heading.Length, 40)).Append("\n\n");

    public static void Paragraph(StringBuilder text, string paragraph) => text.Append(paragraph).Append("\n\n");

    /// <summary>"Label:" then the address alone on the next line, so a phone can wrap or tap it whole.</summary>
    public static void Link(StringBuilder text, LetterLink link)
    {
        text.Append(link.Label).Append(":\n").Append(link.Url).Append('\n');
        if (link.Note is not null)
        {
            text.Append(link.Note).Append('\n');
        }
        text.Append('\n');
    }
}
