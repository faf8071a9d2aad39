using System.Text;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary>
/// What the home page shows beside the events: the newest good-practice examples, and how many organisations
/// support the week. Built by the index rebuild from the stories and supporters it has read.
/// </summary>
public sealed record HomeFeatures(IReadOnlyList<PublishedPost> GoodPractice, int Supporters)
{
    public const int StoriesShown = 3;

    public static HomeFeatures From(IEnumerable<PublishedPost> posts, int supporters) =>
        new(PostList.Newest(posts.Where(p => StoryKinds.Of(p.Post.Kind) == StoryKinds.GoodPractice)).Take(StoriesShown).ToList(), supporters);

    public void Append(StringBuilder html, SiteOptions options)
    {
        if (GoodPractice.Count > 0)
        {
            html.Append("<h2>Good practice</h2>\n<p>Examples of co-production that worked, told by the people who did it.</p>\n<ul class=\"event-list\">\n");
            foreach (var post in GoodPractice)
            {
                html.Append(PostPage.Card(post, options));
            }
            html.Append("</ul>\n<p><a href=\"").Text(options.Url(StoryKindPages.Path(StoryKinds.GoodPractice))).Append("\">See all good practice examples</a></p>\n");
        }
        if (Supporters > 0)
        {
            html.Append("<p class=\"supporters-count\"><a href=\"").Text(options.Public("supporters/")).Append("\">")
                .Append(Supporters == 1 ? "1 organisation supports" : $"{Supporters:N0} organisations support").Append(" the week</a>.</p>\n");
        }
        html.Append("<p><a href=\"").Text(options.Public("support-the-week/")).Append("\">Tell us your organisation supports the week</a></p>\n");
    }
}
