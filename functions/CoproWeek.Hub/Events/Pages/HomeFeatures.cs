using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Events.Pages;

/// <summary>
/// What the home page shows beside the events: the newest good-practice examples, and how many organisations
/// support the week. Built by the index rebuild from the stories and supporters it has read.
/// </summary>
public sealed record HomeFeatures(IReadOnlyList<PublishedPost> GoodPractice, int Supporters)
{
    public const int StoriesShown = 3;

    public static HomeFeatures From(IEnumerable<PublishedPost> posts, int supporters) =>
        new(PostList.Newest(posts.Where(p => StoryKinds.Of(p.Post.Kind) == StoryKinds.GoodPractice)).Take(StoriesShown).ToList(), supporters);
}
