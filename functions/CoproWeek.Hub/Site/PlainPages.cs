using System.Text;

namespace CoproWeek.Hub.Site;

/// <summary>Pages with no data in them: <c>404.html</c> (the thanks page after an event is sent lives with the event form).</summary>
public static class PlainPages
{
    /// <summary>Served for any missing path, so every link in it is absolute.</summary>
    public static string NotFound(SiteOptions options)
    {
        var html = new StringBuilder();
        html.Append("<h1>Page not found</h1>\n")
            .Append("<p>We cannot find this page. The link may be wrong, or the page may have been taken down.</p>\n")
            .Append("<p>If you typed the address, check it is right.</p>\n")
            .Append("<ul>\n<li><a href=\"").Text(options.Url(SitePaths.Events)).Append("\">See all events</a></li>\n")
            .Append("<li><a href=\"").Text(options.Url(SitePaths.Home)).Append("\">Go to the home page</a></li>\n</ul>\n");
        return SiteLayout.Render(options, "Page not found", html.ToString());
    }
}
