using System.Text;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Submissions;

namespace CoproWeek.Hub.Moderation;

/// <summary>The queue's counts and the kind it is filtered by (null: everything).</summary>
public sealed record QueueFilter(QueueCounts Counts, string? Kind, DateTimeOffset Now);

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

    public static string Queue(SiteOptions site, string pageUrl, ModeratorSession session, QueuePage page, string? notice, IReadOnlyList<ReportQueueItem> reported, QueueFilter filter)
    {
        var html = new StringBuilder();
        html.Append("<h1>Waiting for a moderator</h1>\n");
        Notice(html, notice);
        QueueCountsAndFilter(html, pageUrl, filter);
        ReportsPageHtml.QueueSection(html, pageUrl, reported);
        if (page.Items.Count == 0)
        {
            html.Append("<p>Nothing else is waiting for you on this page.</p>\n");
        }
        else
        {
            QueueTable(html, pageUrl, page);
        }
        if (page.ContinuationToken is not null)
        {
            html.Append("<p><a href=\"").Text($"{pageUrl}?{(filter.Kind is null ? "" : $"kind={filter.Kind}&")}continuationToken={Uri.EscapeDataString(page.ContinuationToken)}").Append("\">Next page</a></p>\n");
        }
        SignedIn(html, pageUrl, session);
        return SiteLayout.Render(site, "Waiting for a moderator", html.ToString(), head: new PageHead { Private = true });
    }

    /// <summary>How many items of each kind wait, the oldest's age, and links that show one kind (plain GET links, no JavaScript).</summary>
    private static void QueueCountsAndFilter(StringBuilder html, string pageUrl, QueueFilter filter)
    {
        var counts = filter.Counts;
        html.Append("<ul class=\"queue-counts\">\n");
        foreach (var (kind, plural) in QueueSummary.Kinds)
        {
            html.Append("<li>").Text($"{plural}: {counts.ByKind.GetValueOrDefault(kind)}").Append("</li>\n");
        }
        html.Append("</ul>\n<p>").Text(counts.OldestSince is { } oldest
            ? $"The oldest item has waited {QueueSummary.Age(oldest, filter.Now)}."
            : "Nothing is waiting.").Append("</p>\n");
        html.Append("<nav class=\"filters\" aria-label=\"Show one kind\"><ul>\n<li><a href=\"").Text(pageUrl).Append('"')
            .Append(filter.Kind is null ? " aria-current=\"page\"" : "").Append(">Everything</a></li>\n");
        foreach (var (kind, plural) in QueueSummary.Kinds)
        {
            html.Append("<li><a href=\"").Text($"{pageUrl}?kind={kind}").Append('"').Append(filter.Kind == kind ? " aria-current=\"page\"" : "").Append('>')
                .Text(plural).Append("</a></li>\n");
        }
        html.Append("</ul></nav>\n");
    }

    private static void QueueTable(StringBuilder html, string pageUrl, QueuePage page)
    {
        html.Append("<table class=\"queue\">\n<caption>Oldest first</caption>\n<thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Kind</th><th scope=\"col\">Sent</th><th scope=\"col\">Why it is waiting</th></tr></thead>\n<tbody>\n");
        foreach (var item in page.Items)
        {
            html.Append("<tr><td><a href=\"").Text($"{pageUrl}/items/{item.Id}").Append("\">").Text(item.Title.Length == 0 ? "(no title)" : item.Title).Append("</a></td>")
                .Append("<td data-label=\"Kind\">").Text(KindWord(item.Kind)).Append("</td><td data-label=\"Sent\">").Text(WhenOf(item.Submitted)).Append("</td><td data-label=\"Why\">")
                .Text(string.Join(" ", item.Findings.Select(f => f.Message))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    public static string Item(SiteOptions site, string pageUrl, ModeratorSession session, ItemView view,
        IReadOnlyDictionary<string, string[]>? errors, string? notice, string? decision, string? reason)
    {
        var item = view.Item;
        var title = view.Title;
        var itemUrl = $"{pageUrl}/items/{item.Id}";
        var problems = new FormErrors(errors, DecisionFields);
        var html = new StringBuilder();
        html.Append("<p><a href=\"").Text(pageUrl).Append("\">Back to the queue</a></p>\n");
        problems.WriteSummary(html);
        html.Append("<h1>").Text(title.Length == 0 ? "(no title)" : title).Append("</h1>\n")
            .Append("<p>").Text($"{KindWord(item.Kind)}, version {item.Version}, {ManageEvent.StatusWord(item.Status).Replace('-', ' ')}.").Append("</p>\n");
        Notice(html, notice);
        if (item.Findings.Count > 0)
        {
            html.Append("<h2>What the automatic checks found</h2>\n<ul>\n");
            foreach (var finding in item.Findings)
            {
                html.Append("<li>").Text(finding.Message).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        if (view.LastDecidedVersion is { } last)
        {
            html.Append("<h2>What changed since version ").Append(last).Append("</h2>\n");
            if (view.ChangesSinceLastDecision.Count == 0)
            {
                html.Append("<p>Nothing the form asks for has changed.</p>\n");
            }
            else
            {
                html.Append("<dl class=\"facts changes\">\n");
                foreach (var change in view.ChangesSinceLastDecision)
                {
                    html.Append("<dt>").Text(change.Label).Append("</dt><dd><p><strong>Was:</strong> ").Text(change.Before.Length == 0 ? "(empty)" : change.Before)
                        .Append("</p><p><strong>Now:</strong> ").Text(change.After.Length == 0 ? "(empty)" : change.After).Append("</p></dd>\n");
                }
                html.Append("</dl>\n");
            }
        }
        html.Append("<h2>As it will be published</h2>\n");
        if (view.PreviewArticle is not null)
        {
            // Rendered by the public page's own renderer; pictures come from the moderators' private address.
            html.Append("<div class=\"preview\">\n").Append(view.PreviewArticle).Append("\n</div>\n")
                .Append("<p><a href=\"").Text(itemUrl + "?view=preview").Append("\">Open the whole page as it will look</a></p>\n");
        }
        else
        {
            html.Append("<p>There is no preview for this kind of item. Its details are below.</p>\n");
        }
        html.Append("<h2>What was sent</h2>\n");
        Fields(html, view.Fields.Where(f => !f.Private));
        html.Append("<h2>Who sent it</h2>\n<p>Their contact details are private. Use them only to ask about this item.</p>\n");
        Fields(html, view.Fields.Where(f => f.Private));
        if (view.EarlierVersions.Count > 0)
        {
            html.Append("<h2>Earlier versions</h2>\n");
            foreach (var earlier in view.EarlierVersions)
            {
                html.Append("<details>\n<summary>").Text($"Version {earlier.Version} ({earlier.Decision.Replace('-', ' ')})").Append("</summary>\n");
                Fields(html, earlier.Fields);
                html.Append("</details>\n");
            }
        }
        html.Append("<h2>History</h2>\n<ol>\n");
        foreach (var entry in view.History)
        {
            html.Append("<li>").Text($"{WhenOf(entry.When)}: version {entry.Version} {entry.Decision.Replace('-', ' ')} by {WhoOf(entry.Who)}.")
                .Append(entry.Reason is null ? "" : " ").Text(entry.Reason).Append("</li>\n");
        }
        html.Append("</ol>\n");
        if (view.Actions.Contains("approve"))
        {
            DecisionForm(html, itemUrl, session, item.Version, problems, decision, reason, view.Actions);
        }
        if (view.Actions.Contains("take-down"))
        {
            // Also beside the decision form when an earlier version is live while a change waits.
            TakeDownForm(html, itemUrl, session, item, view.Actions.Contains("approve") ? new FormErrors(null, DecisionFields) : problems, reason,
                view.Actions.Contains("approve") ? "field-takedown-reason" : "field-reason");
        }
        else if (view.Actions.Contains("restore"))
        {
            RestoreForm(html, itemUrl, session, item);
        }
        SignedIn(html, pageUrl, session);
        return SiteLayout.Render(site, (problems.Any ? "Error: " : "") + (title.Length == 0 ? "An item to moderate" : title), html.ToString(), head: new PageHead { Private = true });
    }

    private static void TakeDownForm(StringBuilder html, string action, ModeratorSession session, Submission item, FormErrors problems, string? reason, string fieldId)
    {
        html.Append("<h2>Take it down</h2>\n<p>It comes off its page, every list, the feeds and the calendars within seconds. Its address then says it was taken down. ")
            .Append("The organiser or author is sent your reason. You can put it back later.</p>\n")
            .Append("<form method=\"post\" action=\"").Text(action).Append("\" novalidate>\n");
        Hidden(html, session, item.Version, "take-down");
        ReasonField(html, problems, reason, "Why are you taking it down?", "Needed. The organiser or author is sent these words.", fieldId);
        html.Append("<button type=\"submit\" class=\"button button-warning\">Take it down</button>\n</form>\n");
    }

    private static void RestoreForm(StringBuilder html, string action, ModeratorSession session, Submission item)
    {
        html.Append("<h2>Put it back</h2>\n<p>It goes back on the site as a new version, with its page, lists, feeds and calendars.</p>\n")
            .Append("<form method=\"post\" action=\"").Text(action).Append("\">\n");
        Hidden(html, session, item.Version, "restore");
        html.Append("<button type=\"submit\" class=\"button\">Put it back on the site</button>\n</form>\n");
    }

    private static void Hidden(StringBuilder html, ModeratorSession session, int version, string action) =>
        html.Append("<input type=\"hidden\" name=\"version\" value=\"").Append(version).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"formToken\" value=\"").Text(session.FormToken).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"action\" value=\"").Append(action).Append("\">\n");

    private static void ReasonField(StringBuilder html, FormErrors problems, string? reason, string label, string hint, string id)
    {
        html.Append("<div class=\"field").Append(problems.Has("reason") ? " field-error" : "").Append("\">\n")
            .Append("<label for=\"").Append(id).Append("\">").Text(label).Append("</label>\n<p class=\"hint\" id=\"").Append(id).Append("-hint\">").Text(hint).Append("</p>\n");
        foreach (var message in problems.For("reason"))
        {
            html.Append("<p class=\"error-message\" id=\"").Append(id).Append("-error\">").Text(message).Append("</p>\n");
        }
        html.Append("<textarea id=\"").Append(id).Append("\" name=\"reason\" rows=\"5\" aria-describedby=\"").Append(id).Append("-hint")
            .Append(problems.Has("reason") ? $" {id}-error\" aria-invalid=\"true" : "").Append("\">").Text(reason).Append("</textarea>\n</div>\n");
    }

    private static void Fields(StringBuilder html, IEnumerable<ItemField> fields)
    {
        html.Append("<dl class=\"facts\">\n");
        foreach (var field in fields)
        {
            html.Append("<dt>").Text(field.Label).Append("</dt><dd>");
            if (field.Value.Length == 0)
            {
                html.Append("(left empty)");
            }
            else
            {
                html.Paragraphs(field.Value);
            }
            html.Append("</dd>\n");
        }
        html.Append("</dl>\n");
    }

    private static string WhoOf(string who) => who switch
    {
        ModerationLog.Auto => "the automatic checks",
        "organiser" => "the organiser",
        "author" => "the author",
        _ => who,
    };

    private static void DecisionForm(StringBuilder html, string action, ModeratorSession session, int version, FormErrors problems, string? decision, string? reason,
        IReadOnlyList<string> actions)
    {
        html.Append("<h2>Your decision</h2>\n<form method=\"post\" action=\"").Text(action).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"version\" value=\"").Append(version).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"formToken\" value=\"").Text(session.FormToken).Append("\">\n")
            .Append("<fieldset class=\"field").Append(problems.Has("decision") ? " field-error" : "").Append("\">\n<legend>What should happen?</legend>\n");
        foreach (var message in problems.For("decision"))
        {
            html.Append("<p class=\"error-message\">").Text(message).Append("</p>\n");
        }
        var choices = new[] { ("approve", "Approve: publish it"), ("request-changes", "Ask the author to change something"), ("reject", "Reject: do not publish it") }
            .Where(c => actions.Contains(c.Item1)).ToArray();
        for (var i = 0; i < choices.Length; i++)
        {
            var (value, label) = choices[i];
            var id = i == 0 ? "field-decision" : $"field-decision-{value}";
            html.Append("<div class=\"choice\"><input type=\"radio\" name=\"decision\" id=\"").Append(id).Append("\" value=\"").Append(value).Append('"')
                .Append(decision == value ? " checked" : "").Append("><label for=\"").Append(id).Append("\">").Text(label).Append("</label></div>\n");
        }
        html.Append("</fieldset>\n<div class=\"field").Append(problems.Has("reason") ? " field-error" : "").Append("\">\n")
            .Append("<label for=\"field-reason\">Reason</label>\n<p class=\"hint\" id=\"field-reason-hint\">")
            .Append(actions.Contains("request-changes") ? "Needed to reject or to ask for changes." : "Needed to reject.").Append(" The author is sent these words.</p>\n");
        foreach (var message in problems.For("reason"))
        {
            html.Append("<p class=\"error-message\">").Text(message).Append("</p>\n");
        }
        html.Append("<textarea id=\"field-reason\" name=\"reason\" rows=\"5\" aria-describedby=\"field-reason-hint\">").Text(reason).Append("</textarea>\n</div>\n")
            .Append("<button type=\"submit\" class=\"button\">Send decision</button>\n</form>\n");
    }

    private static void SignedIn(StringBuilder html, string pageUrl, ModeratorSession session) =>
        html.Append("<form method=\"post\" action=\"").Text(pageUrl).Append("\" class=\"inline\">\n<p>Signed in as ").Text(session.Name).Append(". ")
            .Append("<input type=\"hidden\" name=\"action\" value=\"sign-out\"><input type=\"hidden\" name=\"formToken\" value=\"").Text(session.FormToken).Append("\">")
            .Append("<button type=\"submit\" class=\"link-button\">Sign out</button></p>\n</form>\n");

    private static void Notice(StringBuilder html, string? notice)
    {
        if (notice is not null)
        {
            html.Append("<div class=\"notice\" role=\"status\"><p>").Text(notice).Append("</p></div>\n");
        }
    }

    private static string KindWord(string kind) => kind switch { "event" => "Event", "post" => "Story", "report" => "Report", Supporters.SubmitSupporter.Kind => "Supporter", _ => kind };

    private static string WhenOf(DateTimeOffset when) => $"{UkTime.Date(when)}, {UkTime.Time(when)}";
}
