using System.Text;
using CoproWeek.Hub.Http;
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
        var heading = "Your story: " + details.Title;
        var html = new StringBuilder(4096);
        ManageLinkPage.WriteErrorSummary(html, error);
        ManageLinkPage.WriteWhatIsHappening(html, heading, "anyone with it can take your story down.", submission,
            StatusWords(submission.Status), options.Url(PostPaths.Page(submission.Slug)), "Read your story on the website");

        if (submission.Status is SubmissionStatus.Withdrawn or SubmissionStatus.Rejected or SubmissionStatus.TakenDown)
        {
            html.Append("<p>You can <a href=\"").Text(options.Url(PostPaths.SubmitPost)).Append("\">send a new story</a> at any time.</p>\n");
        }
        else
        {
            ManageLinkPage.WriteWithdrawForm(html, Withdraw, PageUrl(request, submission.Id), ConfirmField, error);
        }
        return ManageLinkPage.Answer(options, heading, html, error, status);
    }

    private static readonly WithdrawWording Withdraw = new("Withdraw this story",
        "If you no longer want your story on the website, you can take it down. It will come off the website and its feeds. You cannot undo this.",
        "I want to take this story down", "Withdraw this story");

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
