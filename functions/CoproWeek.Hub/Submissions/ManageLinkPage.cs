using System.Text;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Submissions;

/// <summary>How a private page offers to withdraw an item: a heading, what withdrawing does, the box to tick and the button.</summary>
internal sealed record WithdrawWording(string Heading, string Explanation, string Confirm, string Button);

/// <summary>
/// What the pages behind a private manage link share (the author's story page, the supporter's pledge page, and the
/// organiser's withdraw form): one question, the confirm box, asked with an error summary and a message at the field.
/// The pages are private to the link's holder, never published.
/// </summary>
internal static class ManageLinkPage
{
    private const string ConfirmId = "field-confirm";

    /// <summary>"There is a problem", linking to the confirm box, when <paramref name="error"/> is set.</summary>
    public static void WriteErrorSummary(StringBuilder html, string? error, Language language)
    {
        if (error is not null)
        {
            html.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n")
                .Append("<h2 id=\"error-summary-title\">").Text(Words("Problem", language)).Append("</h2>\n<ul>\n<li><a href=\"#").Append(ConfirmId).Append("\">").Text(error).Append("</a></li>\n</ul>\n</div>\n");
        }
    }

    /// <summary>
    /// The page's heading, the warning that the link is private, and "What is happening": where the item stands in words,
    /// a link to it once it is live, and what the team said.
    /// </summary>
    /// <param name="whoCanWarning">The sentence saying what anyone with the link can do.</param>
    public static void WriteWhatIsHappening(StringBuilder html, string heading, string whoCanWarning, Submission submission, string statusWords,
        string liveUrl, string liveLinkText, Language language)
    {
        html.Append("<h1>").Text(heading).Append("</h1>\n")
            .Append("<p>").Text(Words("Private", language, whoCanWarning)).Append("</p>\n")
            .Append("<div class=\"notice\">\n<h2>").Text(Words("WhatIsHappening", language)).Append("</h2>\n<p>").Text(statusWords).Append("</p>\n");
        if (submission.Status == SubmissionStatus.Live)
        {
            html.Append("<p><a href=\"").Text(liveUrl).Append("\">").Text(liveLinkText).Append("</a></p>\n");
        }
        if (submission.Reason is { Length: > 0 } reason)
        {
            // The team and the automatic checks write their reasons in English: a Welsh page marks them so, for screen readers.
            html.Append("<h3>").Text(Words("TeamSaid", language)).Append("</h3>\n<p").Append(language == Language.Welsh ? " lang=\"en-GB\"" : "").Append('>').Text(reason).Append("</p>\n");
        }
        html.Append("</div>\n");
    }

    /// <summary>The withdraw form, posting <paramref name="confirmField"/> to <paramref name="action"/>; <paramref name="error"/> marks the box.</summary>
    public static void WriteWithdrawForm(StringBuilder html, WithdrawWording wording, string action, string confirmField, string? error, Language language)
    {
        html.Append("<h2>").Text(wording.Heading).Append("</h2>\n")
            .Append("<p>").Text(wording.Explanation).Append("</p>\n")
            .Append("<form method=\"post\" action=\"").Text(action).Append("\" enctype=\"application/x-www-form-urlencoded\" novalidate>\n")
            .Append("<div class=\"choice").Append(error is null ? "" : " field-error").Append("\">\n")
            .Append("<input type=\"checkbox\" id=\"").Append(ConfirmId).Append("\" name=\"").Append(confirmField).Append("\" value=\"true\"")
            .Append(error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{ConfirmId}-error\"").Append(">\n")
            .Append("<label for=\"").Append(ConfirmId).Append("\">").Text(wording.Confirm).Append("</label>\n</div>\n");
        if (error is not null)
        {
            html.Append("<p class=\"error-message\" id=\"").Append(ConfirmId).Append("-error\"><span class=\"visually-hidden\">").Text(Words("ErrorPrefix", language)).Append("</span>").Text(error).Append("</p>\n");
        }
        html.Append("<button type=\"submit\" class=\"button-warning\">").Text(wording.Button).Append("</button>\n</form>\n");
    }

    /// <summary>The page in the site's layout, titled "Error: ..." while the box still needs ticking, kept out of caches and search.</summary>
    /// <param name="translation">The page in both languages (the manage route and its <c>cy/</c> twin, with the token).</param>
    public static IResult Answer(SiteOptions options, string heading, StringBuilder html, string? error, int status, Language language, PageTranslation translation) =>
        EventPages.Html(SiteLayout.Render(options, (error is null ? "" : Words("ErrorPrefix", language)) + heading, html.ToString(), SiteSection.None,
            new PageHead { Private = true, Translation = translation }, language), status);

    /// <summary>A paragraph whose <paramref name="format"/> holds one link, <c>{0}</c>, to <paramref name="href"/>.</summary>
    public static void WriteLinkLine(StringBuilder html, string format, string href, string linkText)
    {
        var parts = format.Split("{0}");
        html.Append("<p>").Text(parts[0]).Append("<a href=\"").Text(href).Append("\">").Text(linkText).Append("</a>").Text(parts.Length > 1 ? parts[1] : "").Append("</p>\n");
    }

    /// <summary>A manage page's word in the reader's language.</summary>
    public static string Words(string key, Language language, params object?[] args) => Localised.Get<ManageText>(key, language, args);

    /// <summary>The query that opens a manage page: its token, as the request gave it.</summary>
    public static string TokenQuery(HttpRequest request) => "?token=" + Uri.EscapeDataString(request.Query["token"].ToString());
}
