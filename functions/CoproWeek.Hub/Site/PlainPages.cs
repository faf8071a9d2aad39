using System.Text;

namespace CoproWeek.Hub.Site;

/// <summary>Pages with no data in them: <c>404.html</c> and the thank-you page after someone submits an event.</summary>
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

    public static string SubmitEventThanks(SiteOptions options)
    {
        var html = new StringBuilder();
        html.Append("<h1>Thank you — we have your event</h1>\n")
            .Append("<p class=\"lede\">We have sent you an email.</p>\n")
            .Append("<h2>What happens next</h2>\n")
            .Append("<ul>\n<li>If this is the first time you have sent us something from this email address, our email asks you to confirm it. Open it and press the button. We cannot look at your event until you do.</li>\n")
            .Append("<li>Then we check your event. ").Text(Moderation.ModerationPromise.Event(options.EventsNeedAPerson)).Append("</li>\n")
            .Append("<li>We will email you when it is on the website, or if we need you to change something.</li>\n")
            .Append("<li>The email has a private link. Use it to change your event or take it down. Do not share the link.</li>\n</ul>\n")
            .Append("<p>If you do not get our email in the next hour, check your junk or spam folder.</p>\n")
            .Append("<p><a href=\"").Text(options.Url(SitePaths.Events)).Append("\">See all events</a></p>\n");
        return SiteLayout.Render(options, "Thank you — we have your event", html.ToString(), SiteSection.SubmitEvent);
    }
}
