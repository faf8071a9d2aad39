using System.Text;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>The event page's way in to the access request form, which the API serves (the static page has no contact address).</summary>
public static class AccessRequestLink
{
    /// <summary>
    /// One paragraph with the "Ask about access" link, for an event that had not ended when its page was written; empty
    /// otherwise. The form itself refuses once the event has ended, whatever an old page says.
    /// </summary>
    public static string Html(PublishedEvent published, SiteOptions site)
    {
        if (published.Details.End <= published.PublishedAt)
        {
            return "";
        }
        return new StringBuilder()
            .Append("<p><a href=\"").Text(site.Api($"events/{Uri.EscapeDataString(published.Id)}/access-requests")).Append("\">Ask about access</a>")
            .Append(" <span class=\"hint\">Tell the organiser privately what you need to take part.</span></p>\n").ToString();
    }
}
