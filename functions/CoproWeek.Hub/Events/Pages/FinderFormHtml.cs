using System.Text;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Search;

namespace CoproWeek.Hub.Events.Pages;

/// <summary>
/// The finder form (<see cref="EventFinderForm"/>) for pages still written as HTML, such as the search page: the
/// same form, in the page's language, where it keeps what was asked.
/// </summary>
public static class FinderFormHtml
{
    /// <summary>Writes the form; <paramref name="errors"/> marks fields the search function could not take.</summary>
    public static StringBuilder FinderForm(this StringBuilder html, SiteOptions options, SearchQuery query, string heading,
        IReadOnlyDictionary<string, string[]>? errors = null, Language language = Language.English) =>
        html.Append(ComponentRenderer.Shared.Render<EventFinderForm>(new Dictionary<string, object?>
        {
            [nameof(EventFinderForm.Options)] = options,
            [nameof(EventFinderForm.Query)] = query,
            [nameof(EventFinderForm.Heading)] = heading,
            [nameof(EventFinderForm.Errors)] = errors,
            [nameof(EventFinderForm.Language)] = language,
        }, language)).Append('\n');
}
