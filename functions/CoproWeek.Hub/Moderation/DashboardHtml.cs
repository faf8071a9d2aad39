using System.Globalization;
using System.Text;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// The dashboard's HTML: headline figures, then one section per breakdown with an SVG bar chart (drawn here, no
/// JavaScript) and the same numbers in a table beside it, which is what a screen reader reads.
/// </summary>
internal static class DashboardHtml
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Page(SiteOptions site, ModeratorSession session, CampaignFigures f)
    {
        var pageUrl = site.Api(Triggers.Routes.ModerationPage);
        var html = new StringBuilder();
        html.Append("<p><a href=\"").Text(pageUrl).Append("\">Back to the queue</a></p>\n")
            .Append("<h1>The week at a glance</h1>\n")
            .Append("<p>Signed in as ").Text(session.Name).Append(". These figures count what is on the site now.</p>\n")
            .Append("<dl class=\"facts\">\n");
        Fact(html, "Live events", Number(f.LiveEvents));
        Fact(html, "Events that pay participants", $"{Number(f.ParticipantsPaid)} ({Percent(f.ShareParticipantsPaid)})");
        Fact(html, "Events that cover expenses", $"{Number(f.ExpensesCovered)} ({Percent(f.ShareExpensesCovered)})");
        Fact(html, "Stories published", Number(f.StoriesPublished));
        Fact(html, "Items waiting for a moderator", Number(f.ItemsWaiting));
        Fact(html, "Items reported by the public", Number(f.ItemsReported));
        Fact(html, "Organisations supporting the week", Number(f.Supporters));
        Fact(html, "Access requests sent to organisers", Number(f.AccessRequests));
        Fact(html, "Median time from sending to the first decision", $"{Duration(f.MedianToDecision)} ({Number(f.Decided)} items decided)");
        Fact(html, "Median time from sending to a moderator's decision", $"{Duration(f.MedianToPersonDecision)} ({Number(f.DecidedByAPerson)} items)");
        html.Append("</dl>\n")
            .Append("<h2>Download the lists</h2>\n<p>Every live item with its public details and its contact's details, for reports to funders. Each download is recorded with your name.</p>\n<ul>\n")
            .Append("<li><a href=\"").Text(pageUrl + "/export/events.csv").Append("\" download>Events (CSV)</a></li>\n")
            .Append("<li><a href=\"").Text(pageUrl + "/export/stories.csv").Append("\" download>Stories (CSV)</a></li>\n")
            .Append("<li><a href=\"").Text(pageUrl + "/export/supporters.csv").Append("\" download>Supporters (CSV)</a></li>\n</ul>\n");
        Chart(html, "by-day", "Live events by day of the week", "Day", f.ByDay);
        Chart(html, "by-region", "Live events by region", "Region", f.ByRegion);
        Chart(html, "by-format", "Live events by format", "Format", f.ByFormat);
        Chart(html, "by-topic", "Live events by topic", "Topic", f.ByTopic);
        Chart(html, "by-access", "Live events by access feature", "Access feature", f.ByAccessFeature);
        return SiteLayout.Render(site, "The week at a glance", html.ToString(), head: new PageHead { Private = true });
    }

    /// <summary>A horizontal bar chart and its table. The chart is an image named by its heading; the table holds the numbers.</summary>
    internal static void Chart(StringBuilder html, string id, string title, string column, IReadOnlyList<Bar> bars)
    {
        const int rowHeight = 28, labelWidth = 190, barSpace = 170, width = 400;
        var largest = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Count));
        var height = Math.Max(1, bars.Count) * rowHeight;
        html.Append("<section class=\"chart-section\" aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Text(title).Append("</h2>\n")
            .Append("<div class=\"chart-pair\">\n<svg class=\"chart\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title\" viewBox=\"0 0 ")
            .Append(width).Append(' ').Append(height).Append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"").Append(id).Append("-title\">")
            .Text($"{title}: bar chart. The table beside it has the numbers.").Append("</title>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * rowHeight;
            var length = bar.Count == 0 ? 0 : Math.Max(2, (int)Math.Round((double)bar.Count / largest * barSpace));
            html.Append("<text x=\"0\" y=\"").Append(y + 18).Append("\" font-size=\"13\" fill=\"#0b0c0c\">").Text(Shorten(bar.Label)).Append("</text>")
                .Append("<rect x=\"").Append(labelWidth).Append("\" y=\"").Append(y + 5).Append("\" width=\"").Append(length).Append("\" height=\"18\" fill=\"#1d4f91\"/>")
                .Append("<text x=\"").Append(labelWidth + length + 6).Append("\" y=\"").Append(y + 18).Append("\" font-size=\"13\" fill=\"#0b0c0c\">")
                .Append(bar.Count.ToString(CultureInfo.InvariantCulture)).Append("</text>\n");
        }
        html.Append("</svg>\n<table class=\"stats-table\">\n<caption class=\"visually-hidden\">").Text(title).Append("</caption>\n")
            .Append("<thead><tr><th scope=\"col\">").Text(column).Append("</th><th scope=\"col\" class=\"number\">Events</th></tr></thead>\n<tbody>\n");
        foreach (var bar in bars)
        {
            html.Append("<tr><th scope=\"row\">").Text(bar.Label).Append("</th><td class=\"number\">").Append(Number(bar.Count)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    private static void Fact(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Text(term).Append("</dt><dd>").Text(value).Append("</dd>\n");

    private static string Shorten(string label) => label.Length <= 26 ? label : label[..25] + "…";

    private static string Number(long n) => n.ToString("N0", English);

    private static string Percent(double share) => share.ToString("P0", English).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>"3 seconds", "2 hours 5 minutes", "1 day 4 hours": the median in words; "none yet" when nothing was decided.</summary>
    internal static string Duration(TimeSpan? span)
    {
        if (span is not { } t)
        {
            return "none yet";
        }
        static string Unit(int n, string name) => $"{n} {name}{(n == 1 ? "" : "s")}";
        if (t.TotalMinutes < 1)
        {
            return Unit((int)Math.Round(t.TotalSeconds), "second");
        }
        if (t.TotalHours < 1)
        {
            return Unit((int)t.TotalMinutes, "minute");
        }
        if (t.TotalDays < 1)
        {
            return t.Minutes == 0 ? Unit((int)t.TotalHours, "hour") : $"{Unit((int)t.TotalHours, "hour")} {Unit(t.Minutes, "minute")}";
        }
        return t.Hours == 0 ? Unit((int)t.TotalDays, "day") : $"{Unit((int)t.TotalDays, "day")} {Unit(t.Hours, "hour")}";
    }
}
