using System.Text;
using System.Text.Json;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>The moderation page's HTML: sign-in, the queue, and one item with the decision form. No JavaScript.</summary>
internal static class ModerationPageHtml
{
    private static readonly string[] DecisionFields = ["decision", "reason"];

    public static string SignIn(SiteOptions site, string action, string? error)
    {
        var html = new StringBuilder();
        html.Append("<h1>Sign in to moderate</h1>\n");
        if (error is not null)
        {
            html.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul><li><a href=\"#field-key\">")
                .Text(error).Append("</a></li></ul>\n</div>\n");
        }
        html.Append("<p>This page is for the Co-production Week campaign team. Paste the moderator key an operator gave you.</p>\n")
            .Append("<form method=\"post\" action=\"").Text(action).Append("\">\n<div class=\"field").Append(error is null ? "" : " field-error").Append("\">\n")
            .Append("<label for=\"field-key\">Your moderator key</label>\n");
        if (error is not null)
        {
            html.Append("<p class=\"error-message\" id=\"field-key-error\">").Text(error).Append("</p>\n");
        }
        html.Append("<input id=\"field-key\" name=\"key\" type=\"password\" autocomplete=\"current-password\" spellcheck=\"false\" required")
            .Append(error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"field-key-error\"").Append(">\n</div>\n")
            .Append("<button type=\"submit\" class=\"button\">Sign in</button>\n</form>\n")
            .Append("<p>You stay signed in for 8 hours on this browser.</p>\n");
        return SiteLayout.Render(site, "Sign in to moderate", html.ToString(), head: new PageHead { Private = true });
    }

    public static string Queue(SiteOptions site, string pageUrl, ModeratorSession session, QueuePage page, string? notice, IReadOnlyList<ReportQueueItem>? reported = null)
    {
        var html = new StringBuilder();
        html.Append("<h1>Waiting for a moderator</h1>\n");
        SignedIn(html, pageUrl, session);
        Notice(html, notice);
        ReportsPageHtml.QueueSection(html, pageUrl, reported ?? []);
        if (page.Items.Count == 0)
        {
            html.Append("<p>Nothing else is waiting for you on this page.</p>\n");
        }
        else
        {
            html.Append("<table>\n<caption>Oldest first</caption>\n<thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Kind</th><th scope=\"col\">Sent</th><th scope=\"col\">Why it is waiting</th></tr></thead>\n<tbody>\n");
            foreach (var item in page.Items)
            {
                html.Append("<tr><td><a href=\"").Text($"{pageUrl}/items/{item.Id}").Append("\">").Text(item.Title.Length == 0 ? "(no title)" : item.Title).Append("</a></td>")
                    .Append("<td>").Text(KindWord(item.Kind)).Append("</td><td>").Text(WhenOf(item.Submitted)).Append("</td><td>")
                    .Text(string.Join(" ", item.Findings.Select(f => f.Message))).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        if (page.ContinuationToken is not null)
        {
            html.Append("<p><a href=\"").Text($"{pageUrl}?continuationToken={Uri.EscapeDataString(page.ContinuationToken)}").Append("\">Next page</a></p>\n");
        }
        return SiteLayout.Render(site, "Waiting for a moderator", html.ToString(), head: new PageHead { Private = true });
    }

    public static string Item(SiteOptions site, string pageUrl, ModeratorSession session, Submission item, IReadOnlyList<LogEntry> history,
        bool hasPreview, IReadOnlyDictionary<string, string[]>? errors, string? notice, string? decision, string? reason)
    {
        var title = ModerationQueue.TitleOf(item);
        var itemUrl = $"{pageUrl}/items/{item.Id}";
        var problems = new FormErrors(errors, DecisionFields);
        var html = new StringBuilder();
        html.Append("<p><a href=\"").Text(pageUrl).Append("\">Back to the queue</a></p>\n");
        problems.WriteSummary(html);
        html.Append("<h1>").Text(title.Length == 0 ? "(no title)" : title).Append("</h1>\n")
            .Append("<p>").Text($"{KindWord(item.Kind)}, version {item.Version}, {ManageEvent.StatusWord(item.Status).Replace('-', ' ')}.").Append("</p>\n");
        SignedIn(html, pageUrl, session);
        Notice(html, notice);
        if (item.Findings.Count > 0)
        {
            html.Append("<h2>Why it is waiting</h2>\n<ul>\n");
            foreach (var finding in item.Findings)
            {
                html.Append("<li>").Text(finding.Message).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("<h2>What was sent</h2>\n");
        if (hasPreview)
        {
            html.Append("<p><a href=\"").Text(itemUrl + "?view=preview").Append("\">See the page as it will look when published</a></p>\n");
        }
        html.Append("<dl class=\"facts\">\n");
        using (var details = JsonDocument.Parse(item.DetailsJson))
        {
            Details(html, details.RootElement, "");
        }
        html.Append("</dl>\n<h2>History</h2>\n<ol>\n");
        foreach (var entry in history)
        {
            html.Append("<li>").Text($"{WhenOf(entry.When)}: version {entry.Version} {entry.Decision.Replace('-', ' ')} by {(entry.Who == ModerationLog.Auto ? "the automatic checks" : entry.Who)}.")
                .Append(entry.Reason is null ? "" : " ").Text(entry.Reason).Append("</li>\n");
        }
        html.Append("</ol>\n");
        if (item.Status == SubmissionStatus.Held)
        {
            DecisionForm(html, itemUrl, session, item.Version, problems, decision, reason);
        }
        return SiteLayout.Render(site, title.Length == 0 ? "An item to moderate" : title, html.ToString(), head: new PageHead { Private = true });
    }

    private static void DecisionForm(StringBuilder html, string action, ModeratorSession session, int version, FormErrors problems, string? decision, string? reason)
    {
        html.Append("<h2>Your decision</h2>\n<form method=\"post\" action=\"").Text(action).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"version\" value=\"").Append(version).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"formToken\" value=\"").Text(session.FormToken).Append("\">\n")
            .Append("<fieldset class=\"field").Append(problems.Has("decision") ? " field-error" : "").Append("\">\n<legend>What should happen?</legend>\n");
        foreach (var message in problems.For("decision"))
        {
            html.Append("<p class=\"error-message\">").Text(message).Append("</p>\n");
        }
        var choices = new[] { ("approve", "Approve: publish it"), ("request-changes", "Ask the author to change something"), ("reject", "Reject: do not publish it") };
        for (var i = 0; i < choices.Length; i++)
        {
            var (value, label) = choices[i];
            var id = i == 0 ? "field-decision" : $"field-decision-{value}";
            html.Append("<div class=\"choice\"><input type=\"radio\" name=\"decision\" id=\"").Append(id).Append("\" value=\"").Append(value).Append('"')
                .Append(decision == value ? " checked" : "").Append("><label for=\"").Append(id).Append("\">").Text(label).Append("</label></div>\n");
        }
        html.Append("</fieldset>\n<div class=\"field").Append(problems.Has("reason") ? " field-error" : "").Append("\">\n")
            .Append("<label for=\"field-reason\">Reason</label>\n<p class=\"hint\" id=\"field-reason-hint\">Needed to reject or to ask for changes. The author is sent these words.</p>\n");
        foreach (var message in problems.For("reason"))
        {
            html.Append("<p class=\"error-message\">").Text(message).Append("</p>\n");
        }
        html.Append("<textarea id=\"field-reason\" name=\"reason\" rows=\"5\" aria-describedby=\"field-reason-hint\">").Text(reason).Append("</textarea>\n</div>\n")
            .Append("<button type=\"submit\" class=\"button\">Send decision</button>\n</form>\n");
    }

    private static void Details(StringBuilder html, JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Details(html, property.Value, name + " ");
                    break;
                case JsonValueKind.Array:
                    html.Append("<dt>").Text(name).Append("</dt><dd>").Text(string.Join(", ", property.Value.EnumerateArray().Select(v => v.ToString()))).Append("</dd>\n");
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    html.Append("<dt>").Text(name).Append("</dt><dd>").Paragraphs(property.Value.ToString()).Append("</dd>\n");
                    break;
            }
        }
    }

    private static void SignedIn(StringBuilder html, string pageUrl, ModeratorSession session) =>
        html.Append("<form method=\"post\" action=\"").Text(pageUrl).Append("\" class=\"inline\">\n<p>Signed in as ").Text(session.Name).Append(". ")
            .Append("<input type=\"hidden\" name=\"action\" value=\"sign-out\"><input type=\"hidden\" name=\"formToken\" value=\"").Text(session.FormToken).Append("\">")
            .Append("<button type=\"submit\" class=\"button secondary\">Sign out</button></p>\n</form>\n");

    private static void Notice(StringBuilder html, string? notice)
    {
        if (notice is not null)
        {
            html.Append("<div class=\"notice\" role=\"status\"><p>").Text(notice).Append("</p></div>\n");
        }
    }

    private static string KindWord(string kind) => kind switch { "event" => "Event", "post" => "Story", _ => kind };

    private static string WhenOf(DateTimeOffset when) => $"{UkTime.Date(when)}, {UkTime.Time(when)}";
}
