using System.Text;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>The moderators' view of the public's reports: a section of the queue page, and one item's reports with the dismiss button.</summary>
internal static class ReportsPageHtml
{
    /// <summary>The queue page's "Reported by the public" section, and the links to the dashboard and exports.</summary>
    public static void QueueSection(StringBuilder html, string pageUrl, IReadOnlyList<ReportQueueItem> reported)
    {
        html.Append("<p><a href=\"").Text(pageUrl + "/dashboard").Append("\">See the campaign dashboard and download the lists</a></p>\n");
        if (reported.Count == 0)
        {
            return;
        }
        html.Append("<h2>Reported by the public</h2>\n<ul class=\"reported\">\n");
        foreach (var item in reported)
        {
            html.Append("<li><a href=\"").Text($"{pageUrl}/items/{item.Id}/reports").Append("\">").Text(item.Title.Length == 0 ? "(no title)" : item.Title).Append("</a>: ")
                .Text($"{(item.ItemKind == "post" ? "story" : "event")}, {item.Reports} {(item.Reports == 1 ? "report" : "reports")} ")
                .Text($"({string.Join(", ", item.Reasons.Select(r => r.Count == 1 ? ReportReasons.InFewWords(r.Reason) : $"{ReportReasons.InFewWords(r.Reason)} ×{r.Count}"))})")
                .Append("</li>\n");
        }
        html.Append("</ul>\n");
    }

    public static string Item(SiteOptions site, ModeratorSession session, Submission item, LiveItem? onSite, IReadOnlyList<Report> reports)
    {
        var pageUrl = site.Api(Triggers.Routes.ModerationPage);
        var title = ModerationQueue.TitleOf(item);
        var heading = $"Reports about {(title.Length == 0 ? "an item" : title)}";
        var html = new StringBuilder();
        html.Append("<p><a href=\"").Text(pageUrl).Append("\">Back to the queue</a></p>\n")
            .Append("<h1>").Text(heading).Append("</h1>\n")
            .Append("<p>Signed in as ").Text(session.Name).Append(".</p>\n<ul>\n")
            .Append("<li><a href=\"").Text($"{pageUrl}/items/{item.Id}").Append("\">Open the item, its history and its decisions</a></li>\n");
        if (onSite is not null)
        {
            html.Append("<li><a href=\"").Text(ReportPageHtml.PublicUrl(site, onSite)).Append("\">See it on the site</a></li>\n");
        }
        html.Append("</ul>\n");
        if (reports.Count == 0)
        {
            html.Append("<p>There are no open reports about this item.</p>\n");
            return SiteLayout.Render(site, heading, html.ToString(), head: new PageHead { Private = true });
        }
        html.Append("<p>").Text($"{reports.Count} open {(reports.Count == 1 ? "report" : "reports")}, oldest first. Only moderators see what reporters wrote and their addresses.").Append("</p>\n");
        foreach (var report in reports)
        {
            html.Append("<h2>").Text(Vocabulary.NameOf(ReportReasons.All, report.Reason)).Append("</h2>\n<dl class=\"facts\">\n")
                .Append("<dt>Sent</dt><dd>").Text($"{UkTime.Date(report.At)}, {UkTime.Time(report.At)}").Append("</dd>\n")
                .Append("<dt>More details</dt><dd>");
            if (string.IsNullOrWhiteSpace(report.Details))
            {
                html.Append("None given");
            }
            else
            {
                html.Paragraphs(report.Details);
            }
            html.Append("</dd>\n<dt>Reporter's email address</dt><dd>");
            if (report.Email is { Length: > 0 } email)
            {
                html.Append("<a href=\"mailto:").Text(email).Append("\">").Text(email).Append("</a>");
            }
            else
            {
                html.Append("None given");
            }
            html.Append("</dd>\n</dl>\n");
        }
        html.Append("<h2>Dismiss these reports</h2>\n")
            .Append("<p>If nothing needs to change, dismiss the reports: the item leaves the queue and stays on the site. To remove the item, open it and take it down.</p>\n")
            .Append("<form method=\"post\" action=\"").Text($"{pageUrl}/items/{item.Id}/reports").Append("\">\n")
            .Append("<input type=\"hidden\" name=\"formToken\" value=\"").Text(session.FormToken).Append("\">\n")
            .Append("<div class=\"field\">\n<label for=\"field-reason\">Note for the record (optional)</label>\n")
            .Append("<p class=\"hint\" id=\"field-reason-hint\">Kept in the item's history for other moderators. Nobody is emailed.</p>\n")
            .Append("<textarea id=\"field-reason\" name=\"reason\" rows=\"3\" aria-describedby=\"field-reason-hint\"></textarea>\n</div>\n")
            .Append("<button type=\"submit\" class=\"button\">Dismiss the reports</button>\n</form>\n");
        return SiteLayout.Render(site, heading, html.ToString(), head: new PageHead { Private = true });
    }
}
