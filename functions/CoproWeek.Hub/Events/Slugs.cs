using System.Globalization;
using System.Text;

namespace CoproWeek.Hub.Events;

/// <summary>Readable, stable page names: the title in plain lower-case letters, then part of the id so two events never share one.</summary>
public static class Slugs
{
    public static string For(string title, string id)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
            if (slug.Length >= 60)
            {
                break;
            }
        }
        var words = slug.ToString().Trim('-');
        return words.Length == 0 ? id[..8] : $"{words}-{id[..6]}";
    }
}
