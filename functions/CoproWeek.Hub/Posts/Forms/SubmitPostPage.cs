using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Site.Forms;

namespace CoproWeek.Hub.Posts.Forms;

/// <summary>
/// <c>submit-post/index.html</c> (and <c>cy/submit-post/</c>), and the same page shown again by the API when something
/// needs fixing, in the request's language.
/// </summary>
public static class SubmitPostPage
{
    private static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal) { "title", "body", "authorName", "authorEmail" };

    /// <summary>Every field, top to bottom: the story's own, then its language and Welsh words.</summary>
    public static readonly IReadOnlyList<string> Fields =
        [.. new[] { PostValidator.Fields.Take(2), ListingLanguageFields.OfStories, PostValidator.Fields.Skip(2) }.SelectMany(f => f).Distinct()];

    public static string Render(SiteOptions options, EventFormValues? values = null, IReadOnlyDictionary<string, string[]>? errors = null,
        Language language = Language.English) =>
        ComponentRenderer.Shared.Render<SubmitStoryView>(new Dictionary<string, object?>
        {
            [nameof(SubmitStoryView.Options)] = options,
            [nameof(SubmitStoryView.Language)] = language,
            [nameof(SubmitStoryView.State)] = new FormState(values ?? EventFormValues.Empty, new FormErrors(errors, Fields), Required),
            [nameof(SubmitStoryView.ShownAgain)] = values is not null,
        }, language);

    public static string Thanks(SiteOptions options, Language language = Language.English) =>
        ComponentRenderer.Shared.Render<SubmitStoryThanksView>(new Dictionary<string, object?>
        {
            [nameof(SubmitStoryThanksView.Options)] = options,
            [nameof(SubmitStoryThanksView.Language)] = language,
        }, language);
}
