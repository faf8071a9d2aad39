using System.Text;
using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary><c>events/{slug}/index.html</c>: one event, easy read first. Never reads <see cref="EventDetails.Contact"/>.</summary>
public static class EventPage
{
    public static string Render(PublishedEvent published, SiteOptions options)
    {
        var e = published.Details;
        var url = options.Url(SitePaths.EventPage(published.Slug));
        var html = new StringBuilder(4096);
        html.Append("<article>\n<h1>").Text(e.Title).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(e.EasyRead))
        {
            html.Append("<section class=\"easy-read\" aria-labelledby=\"easy-read\">\n<h2 id=\"easy-read\">Easy read</h2>\n")
                .Paragraphs(e.EasyRead).Append("\n</section>\n");
        }
        html.Paragraphs(e.Summary, "lede").Append('\n');

        html.Append("<h2>When and where</h2>\n<dl class=\"facts\">\n");
        html.Append("<dt>When</dt>\n<dd><time datetime=\"").Append(UkTime.Iso(e.Start)).Append("\">").Text(UkTime.Range(e.Start, e.End))
            .Append("</time> <span class=\"hint\">UK time</span></dd>\n");
        html.Append("<dt>Format</dt>\n<dd>").Text(EventWords.Format(e)).Append("</dd>\n");
        AppendWhere(html, e);
        if (EventWords.Region(e) is { Length: > 0 } region)
        {
            html.Append("<dt>Region</dt>\n<dd><a href=\"").Text(options.Url(SitePaths.Filter(Facet.Region, e.Region))).Append("\">").Text(region).Append("</a></dd>\n");
        }
        html.Append("<dt>Cost</dt>\n<dd>").Text(EventWords.Cost(e)).Append("</dd>\n</dl>\n");

        if (Html.SafeUrl(e.BookingUrl) is { } booking)
        {
            html.Append("<p><a class=\"button\" href=\"").Text(booking).Append("\" rel=\"noopener\">Book a place<span class=\"visually-hidden\">: ")
                .Text(e.Title).Append("</span></a></p>\n");
        }
        html.AddToCalendarLinks(published, options);

        html.Append("<h2>How people with lived experience shaped this event</h2>\n");
        if (string.IsNullOrWhiteSpace(e.Coproduction.LivedExperienceInvolvement))
        {
            html.Append("<p>The organiser has not told us about this.</p>\n");
        }
        html.Paragraphs(e.Coproduction.LivedExperienceInvolvement).Append('\n');
        html.Append("<h2>Paid involvement</h2>\n<p>").Text(EventWords.Paid(e.Coproduction)).Append("</p>\n<p>")
            .Text(EventWords.Expenses(e.Coproduction)).Append("</p>\n");

        html.Append("<h2>Access</h2>\n");
        var access = EventWords.AccessNames(e).ToList();
        if (access.Count == 0)
        {
            html.Append("<p>The organiser has not listed any access support. You can ask them what they can offer.</p>\n");
        }
        else
        {
            html.Append("<p>This event has:</p>\n<ul class=\"checklist\">\n");
            // Each need links to the list of events that have it.
            foreach (var need in e.Access.Needs())
            {
                html.Append("<li><a href=\"").Text(options.Url(SitePaths.Filter(Facet.Access, need))).Append("\">")
                    .Text(Vocabulary.NameOf(Vocabulary.AccessNeeds, need)).Append("</a></li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Paragraphs(e.Access.Notes).Append('\n');
        html.Append(AccessRequests.AccessRequestLink.Html(published, options));

        if (e.Topics.Count > 0)
        {
            html.Append("<h2>Topics</h2>\n<ul class=\"tags\">\n");
            foreach (var topic in e.Topics)
            {
                html.Append("<li><a href=\"").Text(options.Url(SitePaths.Filter(Facet.Topic, topic))).Append("\">")
                    .Text(Vocabulary.NameOf(Vocabulary.Topics, topic)).Append("</a></li>\n");
            }
            html.Append("</ul>\n");
        }

        html.Append("<h2>Organiser</h2>\n<p>").Text(e.Organiser.Name).Append("</p>\n");
        if (Html.SafeUrl(e.Organiser.Website) is { } website)
        {
            html.Append("<p><a href=\"").Text(website).Append("\" rel=\"noopener\">").Text(e.Organiser.Name).Append(" website</a></p>\n");
        }

        if (!string.IsNullOrWhiteSpace(e.Description))
        {
            html.Append("<h2>About this event</h2>\n").Paragraphs(e.Description).Append('\n');
        }
        html.AppendReportLink(options, published.Id, "event");
        html.Append("<p><a href=\"").Text(options.Url(SitePaths.Events)).Append("\">See all events</a></p>\n</article>");

        return SiteLayout.Render(options, e.Title, html.ToString(), SiteSection.Events, new PageHead
        {
            Description = e.Summary,
            Canonical = url,
            JsonLd = EventJsonLd.Write(published, options),
            Alternates = [("text/calendar", options.Public(SitePaths.EventCalendar(published.Slug)), "Add to your calendar")],
        });
    }

    private static void AppendWhere(StringBuilder html, EventDetails e)
    {
        var hasVenue = EventWords.HasVenue(e);
        var online = EventWords.IsOnline(e);
        if (!hasVenue && !online)
        {
            return;
        }
        html.Append("<dt>Where</dt>\n<dd>");
        if (hasVenue)
        {
            html.Append("<p>");
            var first = true;
            foreach (var line in new[] { e.Venue!.Name, e.Venue.Address, e.Venue.Postcode })
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                html.Append(first ? "" : "<br>");
                first = false;
                AppendLines(html, line);
            }
            html.Append("</p>");
        }
        if (online)
        {
            html.Append("<p>Online").Append(hasVenue ? " as well" : "").Append("</p>");
            html.Paragraphs(e.Online?.JoiningInfo);
        }
        html.Append("</dd>\n");
    }

    private static void AppendLines(StringBuilder html, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            html.Append(i > 0 ? "<br>" : "").Text(lines[i]);
        }
    }
}
