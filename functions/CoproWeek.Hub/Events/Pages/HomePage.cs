using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Events.Pages;

/// <summary>
/// <c>index.html</c> (and <c>cy/index.html</c>): the week's dates and theme, featured stories with their pictures, the
/// next few events, the week across the UK, and an invitation to list an event.
/// </summary>
public sealed partial class HomePage
{
    public const int EventsShown = 6;

    /// <summary>How many of the newest stories the home page features (those with pictures first).</summary>
    public const int StoriesShown = 3;

    public static string Render(IEnumerable<PublishedEvent> events, DateTimeOffset now, SiteOptions options, HomeFeatures? features = null,
        IReadOnlyCollection<PublishedPost>? stories = null, Language language = Language.English) =>
        ComponentRenderer.Shared.Render<HomePage>(new Dictionary<string, object?>
        {
            [nameof(Upcoming)] = EventList.Upcoming(events, now),
            [nameof(Options)] = options,
            [nameof(Features)] = features,
            [nameof(Featured)] = Feature(stories ?? [], features),
            [nameof(Language)] = language,
        }, language);

    // Good-practice examples have their own place below; the newest other stories lead, those with pictures first.
    private static IReadOnlyList<PublishedPost> Feature(IReadOnlyCollection<PublishedPost> stories, HomeFeatures? features)
    {
        var shownBelow = features?.GoodPractice.Select(p => p.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        return PostList.Newest(stories.Where(p => !shownBelow.Contains(p.Id))).Take(12)
            .OrderBy(p => p.Post.Images.Count > 0 ? 0 : 1).Take(StoriesShown).ToList();
    }
}
