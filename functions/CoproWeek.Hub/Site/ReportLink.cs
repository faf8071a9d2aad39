using System.Text;

namespace CoproWeek.Hub.Site;

/// <summary>The "report a problem" link every event and story page carries, to the report form the API serves.</summary>
public static class ReportLink
{
    public static StringBuilder AppendReportLink(this StringBuilder html, SiteOptions options, string itemId, string what) =>
        html.Append("<p class=\"report-link\"><a href=\"").Text(options.Api($"{Triggers.Routes.NewReport}?item={Uri.EscapeDataString(itemId)}"))
            .Append("\">Report a problem with this ").Text(what).Append("</a></p>\n");
}
