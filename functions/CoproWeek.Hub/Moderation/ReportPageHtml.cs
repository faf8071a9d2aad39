using System.Text;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Moderation;

/// <summary>The public's report form, its thanks page and the page for an item that is not on the site. No JavaScript.</summary>
internal static class ReportPageHtml
{
    private static readonly string[] Fields = ["reason", "details", "email"];

    public static string Form(SiteOptions site, LiveItem item, InputFields? sent, IReadOnlyDictionary<string, string[]>? errors)
    {
        var problems = new FormErrors(errors, Fields);
        var what = item.Kind == "post" ? "story" : "event";
        var title = $"Report a problem with this {what}";
        var chosen = sent?["reason"]?.Text;
        var html = new StringBuilder();
        problems.WriteSummary(html);
        html.Append("<h1>").Text(title).Append("</h1>\n")
            .Append("<p>You are reporting: <a href=\"").Text(PublicUrl(site, item)).Append("\">").Text(item.Title).Append("</a></p>\n")
            .Append("<p>The campaign team reads every report and decides what to do. Only the team sees what you write here.</p>\n")
            .Append("<form method=\"post\" action=\"").Text(site.Api(Triggers.Routes.Reports)).Append("\" novalidate>\n")
            .Append("<input type=\"hidden\" name=\"item\" value=\"").Text(item.Id).Append("\">\n")
            .Append("<div class=\"field").Append(problems.Has("reason") ? " field-error" : "").Append("\">\n<fieldset")
            .Append(problems.Has("reason") ? " aria-describedby=\"field-reason-error\"" : "").Append(">\n")
            .Append("<legend>What is wrong? <span class=\"required\">(required)</span></legend>\n");
        foreach (var message in problems.For("reason"))
        {
            html.Append("<p class=\"error-message\" id=\"field-reason-error\"><span class=\"visually-hidden\">Error: </span>").Text(message).Append("</p>\n");
        }
        for (var i = 0; i < ReportReasons.All.Count; i++)
        {
            var term = ReportReasons.All[i];
            var id = i == 0 ? "field-reason" : $"field-reason-{term.Id}";
            html.Append("<div class=\"choice\"><input type=\"radio\" name=\"reason\" id=\"").Append(id).Append("\" value=\"").Text(term.Id).Append('"')
                .Append(chosen == term.Id ? " checked" : "").Append("><label for=\"").Append(id).Append("\">").Text(term.Name).Append("</label></div>\n");
        }
        html.Append("</fieldset>\n</div>\n");
        TextField(html, problems, "details", "More details (optional)", "What should the team know? For example, what is wrong and where you saw it.",
            sent?["details"]?.Text, multiline: true);
        TextField(html, problems, "email", "Your email address (optional)",
            "Only if the team may write to you about this report. We do not send you anything else.", sent?["email"]?.Text, multiline: false);
        html.Append("<button type=\"submit\" class=\"button\">Send report</button>\n</form>\n");
        return SiteLayout.Render(site, title, html.ToString(), head: new PageHead { Private = true });
    }

    public static string Thanks(SiteOptions site, LiveItem item)
    {
        var html = new StringBuilder();
        html.Append("<h1>Thank you for your report</h1>\n")
            .Append("<p>The campaign team will look at it and decide what to do. We will not email you about it unless the team needs to ask you something.</p>\n")
            .Append("<p><a href=\"").Text(PublicUrl(site, item)).Append("\">Go back to ").Text(item.Title).Append("</a></p>\n");
        return SiteLayout.Render(site, "Thank you for your report", html.ToString(), head: new PageHead { Private = true });
    }

    public static string NotLive(SiteOptions site)
    {
        var html = new StringBuilder();
        html.Append("<h1>This event or story is not on the site</h1>\n")
            .Append("<p>Only events and stories on the site can be reported. It may have been taken down or withdrawn already.</p>\n")
            .Append("<p><a href=\"").Text(site.Public("events/")).Append("\">See all events</a></p>\n");
        return SiteLayout.Render(site, "Not on the site", html.ToString(), head: new PageHead { Private = true });
    }

    public static string PublicUrl(SiteOptions site, LiveItem item) =>
        item.Kind == "post" ? site.Url(PostPaths.Page(item.Slug)) : site.Url(SitePaths.EventPage(item.Slug));

    private static void TextField(StringBuilder html, FormErrors problems, string name, string label, string hint, string? value, bool multiline)
    {
        var id = "field-" + name;
        var describedBy = id + "-hint" + (problems.Has(name) ? " " + id + "-error" : "");
        html.Append("<div class=\"field").Append(problems.Has(name) ? " field-error" : "").Append("\">\n")
            .Append("<label for=\"").Append(id).Append("\">").Text(label).Append("</label>\n")
            .Append("<p class=\"hint\" id=\"").Append(id).Append("-hint\">").Text(hint).Append("</p>\n");
        foreach (var message in problems.For(name))
        {
            html.Append("<p class=\"error-message\" id=\"").Append(id).Append("-error\"><span class=\"visually-hidden\">Error: </span>").Text(message).Append("</p>\n");
        }
        var invalid = problems.Has(name) ? " aria-invalid=\"true\"" : "";
        if (multiline)
        {
            html.Append("<textarea id=\"").Append(id).Append("\" name=\"").Append(name).Append("\" rows=\"5\" aria-describedby=\"").Append(describedBy).Append('"').Append(invalid)
                .Append(">\n").Text(value).Append("</textarea>\n</div>\n");
        }
        else
        {
            html.Append("<input type=\"email\" id=\"").Append(id).Append("\" name=\"").Append(name).Append("\" autocomplete=\"email\" spellcheck=\"false\" value=\"").Text(value)
                .Append("\" aria-describedby=\"").Append(describedBy).Append('"').Append(invalid).Append(">\n</div>\n");
        }
    }
}
