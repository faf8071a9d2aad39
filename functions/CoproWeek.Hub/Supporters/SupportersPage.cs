using System.Globalization;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Supporters.Pages;

namespace CoproWeek.Hub.Supporters;

/// <summary><c>supporters/index.html</c>: every approved supporter, alphabetical, with its logo, statement and website.</summary>
public static class SupportersPage
{
    private static readonly CompareInfo English = CultureInfo.GetCultureInfo("en-GB").CompareInfo;

    /// <summary>By name as people read it ("the" and case ignored would surprise nobody, but we keep to the name as given), ties by id.</summary>
    public static IReadOnlyList<PublishedSupporter> Alphabetical(IEnumerable<PublishedSupporter> supporters) =>
        supporters.OrderBy(s => s.Supporter.Name, Comparer<string>.Create((a, b) => English.Compare(a, b, CompareOptions.IgnoreCase)))
            .ThenBy(s => s.Id, StringComparer.Ordinal).ToList();

    public static string Render(IEnumerable<PublishedSupporter> supporters, SiteOptions options, Language language = Language.English) =>
        ComponentRenderer.Shared.Render<SupportersList>(new Dictionary<string, object?>
        {
            [nameof(SupportersList.Options)] = options,
            [nameof(SupportersList.Supporters)] = Alphabetical(supporters),
            [nameof(SupportersList.Language)] = language,
            [nameof(SupportersList.Head)] = SupportTheWeekPage.Head(options, language, SupporterPaths.List, "ListDescription"),
        }, language);

    /// <summary>One organisation's card as the supporters page shows it, for the moderator's preview.</summary>
    public static string Card(PublicSupporter supporter) =>
        ComponentRenderer.Shared.Render<SupporterCard>(new Dictionary<string, object?> { [nameof(SupporterCard.Supporter)] = supporter });
}
