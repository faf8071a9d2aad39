using System.Text;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// The page behind the author's private link, for people rather than programs: where the story stands, what the team
/// said, and a form to withdraw it. Simpler than the event's page: a story is changed by sending it again.
/// </summary>
public sealed class ManagePostPage(ManagePost manage, IOptions<SiteOptions> site)
{
    public const string ConfirmField = "confirm";

    public Task<IResult> ShowAsync(HttpRequest request, string id, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerShowAsync(request, id, cancellationToken));

    private async Task<IResult> AnswerShowAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var submission = await manage.FindAsync(request, id, cancellationToken);
        return submission is null ? Problems.NotFound() : Render(request, submission, error: null, StatusCodes.Status200OK);
    }

    public Task<IResult> PostAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerFormAsync(manage.FindAsync(request, id, cancellationToken), request,
            (submission, fields) => AnswerPostAsync(request, id, submission, fields, cancellationToken), cancellationToken));

    private async Task<IResult> AnswerPostAsync(HttpRequest request, string id, Submission submission, InputFields fields, CancellationToken cancellationToken)
    {
        if (!ManageLink.Confirmed(fields, ConfirmField))
        {
            return Render(request, submission, "Tick the box to confirm you want to take your story down.", StatusCodes.Status400BadRequest);
        }
        return ManageLink.BackTo(await manage.WithdrawAsync(submission, ifMatch: null, cancellationToken), PageUrl(request, id));
    }

    private IResult Render(HttpRequest request, Submission submission, string? error, int status)
    {
        var options = site.Value;
        var details = HubJson.Deserialize<PostDetails>(submission.DetailsJson);
        var html = new StringBuilder(4096);
        if (error is not null)
        {
            html.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n")
                .Append("<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul>\n<li><a href=\"#field-confirm\">").Text(error).Append("</a></li>\n</ul>\n</div>\n");
        }
        html.Append("<h1>Your story: ").Text(details.Title).Append("</h1>\n")
            .Append("<p>This page is private to you. Do not share the link: anyone with it can take your story down.</p>\n")
            .Append("<div class=\"notice\">\n<h2>What is happening</h2>\n<p>").Text(StatusWords(submission.Status)).Append("</p>\n");
        if (submission.Status == SubmissionStatus.Live)
        {
            html.Append("<p><a href=\"").Text(options.Url(PostPaths.Page(submission.Slug))).Append("\">Read your story on the website</a></p>\n");
        }
        if (submission.Reason is { Length: > 0 } reason)
        {
            html.Append("<h3>What our team said</h3>\n<p>").Text(reason).Append("</p>\n");
        }
        html.Append("</div>\n");

        if (submission.Status is SubmissionStatus.Withdrawn or SubmissionStatus.Rejected or SubmissionStatus.TakenDown)
        {
            html.Append("<p>You can <a href=\"").Text(options.Url(PostPaths.SubmitPost)).Append("\">send a new story</a> at any time.</p>\n");
        }
        else
        {
            html.Append("<h2>Withdraw this story</h2>\n")
                .Append("<p>If you no longer want your story on the website, you can take it down. It will come off the website and its feeds. You cannot undo this.</p>\n")
                .Append("<form method=\"post\" action=\"").Text(PageUrl(request, submission.Id)).Append("\" enctype=\"application/x-www-form-urlencoded\" novalidate>\n")
                .Append("<div class=\"choice").Append(error is null ? "" : " field-error").Append("\">\n")
                .Append("<input type=\"checkbox\" id=\"field-confirm\" name=\"").Append(ConfirmField).Append("\" value=\"true\"")
                .Append(error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"field-confirm-error\"").Append(">\n")
                .Append("<label for=\"field-confirm\">I want to take this story down</label>\n</div>\n");
            if (error is not null)
            {
                html.Append("<p class=\"error-message\" id=\"field-confirm-error\"><span class=\"visually-hidden\">Error: </span>").Text(error).Append("</p>\n");
            }
            html.Append("<button type=\"submit\" class=\"button-warning\">Withdraw this story</button>\n</form>\n");
        }
        var page = SiteLayout.Render(options, (error is null ? "" : "Error: ") + "Your story: " + details.Title, html.ToString(), SiteSection.None,
            new PageHead { Private = true });
        return EventPages.Html(page, status);
    }

    private string PageUrl(HttpRequest request, string id) =>
        site.Value.Api($"posts/{id}/manage?token={Uri.EscapeDataString(request.Query["token"].ToString())}");

    public static string StatusWords(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Live => "Your story is live on the website.",
        SubmissionStatus.AwaitingConfirmation => "We are waiting for you to confirm your email address. Open the email we sent you and press the button. Then our team will read your story.",
        SubmissionStatus.Approved => "Your story has been approved. It will be on the website in a moment.",
        SubmissionStatus.ChangesRequested => "We need you to change something before your story can go on the website. See what our team said below, then send it again.",
        SubmissionStatus.Rejected => "We cannot put this story on the website. See what our team said below.",
        SubmissionStatus.Withdrawn => "You have taken this story down. It is no longer on the website.",
        SubmissionStatus.TakenDown => "The campaign team took this story off the website. See what they said below.",
        _ => "We have your story. A person from our team will read it soon.",
    };
}
