using System.Text;
using System.Text.RegularExpressions;
using CoproWeek.Hub.Site.Forms;

namespace CoproWeek.Hub.Site;

/// <summary>
/// Validation errors keyed by form field name. Keys from other validators (<c>Organiser.Name</c>, <c>topics[0]</c>)
/// are matched to the form's names, so every message still lands next to its field.
/// </summary>
public sealed partial class FormErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public FormErrors(IReadOnlyDictionary<string, string[]>? errors, IEnumerable<string> knownFields)
    {
        // A field listed twice (the story form lists the language fields its validator also knows) counts once.
        var fields = knownFields.Distinct(StringComparer.Ordinal).ToList();
        var known = fields.ToDictionary(f => f, f => f, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, messages) in errors ?? new Dictionary<string, string[]>())
        {
            var plain = Index().Replace(key, "").Trim();
            var name = known.TryGetValue(plain, out var field) ? field : plain;
            if (!byField.TryGetValue(name, out var list))
            {
                byField[name] = list = [];
                order.Add(name);
            }
            list.AddRange(messages.Where(m => !string.IsNullOrWhiteSpace(m)));
        }
        // The summary follows the form from top to bottom, then anything the form has no field for.
        var position = fields.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        order = order.OrderBy(n => position.TryGetValue(n, out var i) ? i : int.MaxValue).ToList();
        Known = fields.ToHashSet(StringComparer.Ordinal);
    }

    private HashSet<string> Known { get; }

    public bool Any => order.Count > 0;

    public bool Has(string name) => byField.ContainsKey(name);

    public IReadOnlyList<string> For(string name) => byField.TryGetValue(name, out var list) ? list : [];

    /// <summary>Each message in the summary's order, with whether the form has a field to link it to; <paramref name="fallback"/> for a field with no words.</summary>
    public IEnumerable<(string Name, string Message, bool Linked)> Items(string fallback)
    {
        foreach (var name in order)
        {
            foreach (var message in For(name).DefaultIfEmpty(fallback))
            {
                yield return (name, message, Known.Contains(name));
            }
        }
    }

    /// <summary>"There is a problem", with a link to each field that needs changing. Focusable so it can be the first thing read.</summary>
    public void WriteSummary(StringBuilder html)
    {
        if (!Any)
        {
            return;
        }
        html.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n")
            .Append("<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul>\n");
        foreach (var name in order)
        {
            foreach (var message in For(name).DefaultIfEmpty("Check this answer."))
            {
                html.Append("<li>");
                if (Known.Contains(name))
                {
                    html.Append("<a href=\"#").Append(FieldIds.Of(name)).Append("\">").Text(message).Append("</a>");
                }
                else
                {
                    html.Text(message);
                }
                html.Append("</li>\n");
            }
        }
        html.Append("</ul>\n</div>\n");
    }

    [GeneratedRegex(@"\[\d*\]")]
    private static partial Regex Index();
}
