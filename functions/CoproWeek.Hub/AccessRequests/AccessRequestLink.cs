using System.Text;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>The event page's way in to the access request form, which the API serves (the static page has no contact address).</summary>
public static class AccessRequestLink
{
    /// <summary>Whether the event page should offer the form: the event had not ended when its page was written.</summary>
    public static bool Offered(PublishedEvent published) => published.Details.End > published.PublishedAt;

    /// <summary>The form's address in the reader's language: <c>{api}/events/{id}/access-requests</c>, or its <c>cy/</c> twin.</summary>
    public static string Url(string eventId, SiteOptions site, Language language = Language.English) =>
        site.Api(language.Localise($"events/{Uri.EscapeDataString(eventId)}/access-requests"));

    /// <summary>
    /// One paragraph with the "Ask about access" link, for an event that had not ended when its page was written; empty
    /// otherwise. The form itself refuses once the event has ended, whatever an old page says. The words are
    /// <c>LinkText</c> and <c>LinkHint</c> in <see cref="AccessRequestText"/>, for pages that are components.
    /// </summary>
    public static string Html(PublishedEvent published, SiteOptions site, Language language = Language.English)
    {
        if (!Offered(published))
        {
            return "";
        }
        return new StringBuilder()
            .Append("<p><a href=\"").Text(Url(published.Id, site, language)).Append("\">").Text(Localised.Get<AccessRequestText>("LinkText", language)).Append("</a>")
            .Append(" <span class=\"hint\">").Text(Localised.Get<AccessRequestText>("LinkHint", language)).Append("</span></p>\n").ToString();
    }
}
