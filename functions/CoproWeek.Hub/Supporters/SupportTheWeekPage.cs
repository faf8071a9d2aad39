using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Site.Forms;
using CoproWeek.Hub.Supporters.Pages;

namespace CoproWeek.Hub.Supporters;

/// <summary>
/// <c>support-the-week/index.html</c> (and <c>cy/support-the-week/index.html</c>), and the same page shown again by the
/// API when something needs fixing (<see cref="SupportTheWeekForm"/>). Also its thank-you page.
/// </summary>
public static class SupportTheWeekPage
{
    private static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal) { "organisation", "website", "statement", "contactEmail" };

    public static string Render(SiteOptions options, EventFormValues? values = null, IReadOnlyDictionary<string, string[]>? errors = null, Language language = Language.English) =>
        ComponentRenderer.Shared.Render<SupportTheWeekForm>(new Dictionary<string, object?>
        {
            [nameof(SupportTheWeekForm.Options)] = options,
            [nameof(SupportTheWeekForm.State)] = new FormState(values ?? EventFormValues.Empty, new FormErrors(errors, SupporterValidator.Fields), Required),
            [nameof(SupportTheWeekForm.Language)] = language,
            [nameof(SupportTheWeekForm.Head)] = Head(options, language, SupporterPaths.Form, "FormDescription"),
        }, language);

    public static string Thanks(SiteOptions options, Language language = Language.English) =>
        ComponentRenderer.Shared.Render<SupportThanks>(new Dictionary<string, object?>
        {
            [nameof(SupportThanks.Options)] = options,
            [nameof(SupportThanks.Language)] = language,
            [nameof(SupportThanks.Head)] = Head(options, language, SupporterPaths.Thanks, null),
        }, language);

    /// <summary>A supporters' page head: its own address in its language, its twin in the other.</summary>
    internal static PageHead Head(SiteOptions options, Language language, string path, string? descriptionKey) => new()
    {
        Description = descriptionKey is null ? null : Localised.Get<SupporterText>(descriptionKey, language),
        Canonical = options.Url(language.Localise(path)),
        Translation = PageTranslation.OfSite(options, language, path),
    };
}
