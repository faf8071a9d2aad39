using System.Globalization;
using System.Text;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Search;

namespace CoproWeek.Hub.Site;

/// <summary>
/// The one form for finding events: words, region, format, day, topic, cost and access needs together. A plain GET
/// form (no JavaScript) sent to the search function, since a static page cannot read a query string. Shown on the
/// events list and on the search page, where it keeps what was asked.
/// </summary>
public static class EventFinderForm
{
    /// <summary>Writes the form; <paramref name="errors"/> marks fields the search function could not take.</summary>
    public static StringBuilder FinderForm(this StringBuilder html, SiteOptions options, SearchQuery query, string heading,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        html.Append("<form class=\"finder\" method=\"get\" action=\"").Text(options.Api(Triggers.Routes.Search)).Append("\" role=\"search\" aria-labelledby=\"finder-heading\">\n")
            .Append("<h2 id=\"finder-heading\">").Text(heading).Append("</h2>\n<div class=\"finder-fields\">\n");
        html.Append("<div class=\"field").Append(Error(errors, "q") is null ? "" : " field-error").Append("\">\n<label for=\"finder-q\">Words to search for</label>\n")
            .Append("<span class=\"hint\" id=\"finder-q-hint\">For example a place, an organisation or a subject</span>\n");
        ErrorMessage(html, errors, "q");
        html.Append("<input type=\"search\" id=\"finder-q\" name=\"q\" value=\"").Text(query.Q).Append("\" aria-describedby=\"finder-q-hint\" maxlength=\"")
            .Append(SearchQuery.MaxWords).Append('"').Append(Error(errors, "q") is null ? "" : " aria-invalid=\"true\"").Append(">\n</div>\n");
        Select(html, errors, "region", "Region", "Anywhere", Vocabulary.Regions, query.Region);
        Select(html, errors, "format", "Format", "Any format", Vocabulary.Formats, query.Format);
        Select(html, errors, "day", "Day", "Any day", WeekDays(options, query.Day), query.Day);
        Select(html, errors, "topic", "Topic", "Any topic", Vocabulary.Topics, query.Topic);
        Select(html, errors, "cost", "Cost", "Free or paid", [new("free", "Free"), new("paid", "Paid")], query.Cost);
        Select(html, errors, "kind", "Show", "Events and stories", [new("events", "Events only"), new("stories", "Stories only")], query.Kind == "all" ? null : query.Kind);
        if (query.Kind != "events" || query.StoryKind is not null || Error(errors, "storyKind") is not null)
        {
            // Where stories are searched: one kind of story (it leaves events out).
            Select(html, errors, "storyKind", "Kind of story", "Any kind of story", Posts.StoryKinds.All.Select(k => new Term(k.Id, StoryKindPages.Plural(k.Id))).ToList(), query.StoryKind);
        }
        html.Append("</div>\n<fieldset class=\"field").Append(Error(errors, "access") is null ? "" : " field-error").Append("\" aria-describedby=\"finder-access-hint\">\n<legend>Access</legend>\n")
            .Append("<span class=\"hint\" id=\"finder-access-hint\">Show only events that have all of these</span>\n");
        ErrorMessage(html, errors, "access");
        html.Append("<div class=\"finder-choices\">\n");
        foreach (var need in Vocabulary.AccessNeeds)
        {
            var id = "finder-access-" + need.Id;
            html.Append("<div class=\"choice\"><input type=\"checkbox\" id=\"").Append(id).Append("\" name=\"access\" value=\"").Append(need.Id).Append('"')
                .Append(query.Access.Contains(need.Id) ? " checked" : "").Append("><label for=\"").Append(id).Append("\">").Text(need.Name).Append("</label></div>\n");
        }
        html.Append("</div>\n</fieldset>\n<button type=\"submit\">Search</button>\n</form>\n");
        return html;
    }

    /// <summary>The week's seven days, plus a day asked for outside it so the form still shows it.</summary>
    private static IReadOnlyList<Term> WeekDays(SiteOptions options, string? asked)
    {
        var days = Enumerable.Range(0, 7).Select(i => options.WeekStarts.AddDays(i)).ToList();
        if (asked is not null && DateOnly.TryParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && !days.Contains(day))
        {
            days.Add(day);
        }
        return days.Select(d => new Term(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), UkTime.Date(d))).ToList();
    }

    private static void Select(StringBuilder html, IReadOnlyDictionary<string, string[]>? errors, string name, string label, string any, IReadOnlyList<Term> terms, string? selected)
    {
        var id = "finder-" + name;
        var error = Error(errors, name);
        html.Append("<div class=\"field").Append(error is null ? "" : " field-error").Append("\">\n<label for=\"").Append(id).Append("\">").Text(label).Append("</label>\n");
        ErrorMessage(html, errors, name);
        html.Append("<select id=\"").Append(id).Append("\" name=\"").Append(name).Append('"').Append(error is null ? "" : " aria-invalid=\"true\"").Append(">\n<option value=\"\">").Text(any).Append("</option>\n");
        foreach (var term in terms)
        {
            html.Append("<option value=\"").Text(term.Id).Append('"').Append(term.Id == selected ? " selected" : "").Append('>').Text(term.Name).Append("</option>\n");
        }
        html.Append("</select>\n</div>\n");
    }

    private static string? Error(IReadOnlyDictionary<string, string[]>? errors, string name) =>
        errors is not null && errors.TryGetValue(name, out var messages) && messages.Length > 0 ? messages[0] : null;

    private static void ErrorMessage(StringBuilder html, IReadOnlyDictionary<string, string[]>? errors, string name)
    {
        if (Error(errors, name) is { } message)
        {
            html.Append("<span class=\"error-message\" id=\"finder-").Append(name).Append("-error\"><span class=\"visually-hidden\">Error:</span> ").Text(message).Append("</span>\n");
        }
    }
}
