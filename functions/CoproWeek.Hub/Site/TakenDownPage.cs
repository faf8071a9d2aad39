using System.Text;

namespace CoproWeek.Hub.Site;

/// <summary>
/// What stands at the address of an event or story the campaign team took down: a short explanation and a way on.
/// The self-host serves it with 410 Gone (see <see cref="Publishing.SiteWriter.GoneMetadata"/>).
/// </summary>
public static class TakenDownPage
{
    public static string Render(SiteOptions options, string kind)
    {
        var isStory = kind == "post";
        var heading = isStory ? "This story has been taken down" : "This event has been taken down";
        var html = new StringBuilder();
        html.Append("<h1>").Text(heading).Append("</h1>\n")
            .Append("<p class=\"lede\">").Text(isStory
                ? "The Co-production Week campaign team has taken this story off the blog."
                : "The Co-production Week campaign team has taken this event off the calendar.").Append("</p>\n")
            .Append("<p>").Text(isStory
                ? "The link you followed still works, but the story is no longer here."
                : "If you were planning to go, ask the organisation that told you about it whether it is still happening.").Append("</p>\n")
            .Append("<p><a href=\"").Text(options.Url(isStory ? PostPaths.Posts : SitePaths.Events)).Append("\">")
            .Text(isStory ? "Read other stories" : "See all events").Append("</a></p>\n");
        return SiteLayout.Render(options, heading, html.ToString(), isStory ? SiteSection.Stories : SiteSection.Events, new PageHead { Private = true });
    }
}
