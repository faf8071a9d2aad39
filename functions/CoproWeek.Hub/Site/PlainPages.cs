using System.Text;

namespace CoproWeek.Hub.Site;

/// <summary>Pages with no data in them: <c>404.html</c> and the thank-you page after someone submits an event.</summary>
public static class PlainPages
{
    /// <summary>
    /// Served for any missing path (<c>404.html</c>, and <c>cy/404.html</c> for missing Welsh paths), so every link in it
    /// is absolute. Its language link goes to the other language's home page: the missing page has no twin to point to.
    /// </summary>
    public static string NotFound(SiteOptions options, Language language = Language.English) =>
        Rendering.ComponentRenderer.Shared.Render<NotFoundPage>(new Dictionary<string, object?>
        {
            [nameof(NotFoundPage.Options)] = options,
            [nameof(NotFoundPage.Language)] = language,
        }, language);

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
