using System.Text;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Supporters;

/// <summary>The page behind the supporter's private link: where the pledge stands, and a form to withdraw it. No JavaScript.</summary>
public sealed class ManageSupporterPage(ManageSupporter manage, IOptions<SiteOptions> site)
{
    public const string ConfirmField = "confirm";

    public Task<IResult> ShowAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerAsync(manage.FindAsync(request, id, cancellationToken),
            submission => Task.FromResult(Render(request, submission, error: null, StatusCodes.Status200OK))));

    public Task<IResult> PostAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerFormAsync(manage.FindAsync(request, id, cancellationToken), request, async (submission, fields) =>
            !ManageLink.Confirmed(fields, ConfirmField)
                ? Render(request, submission, "Tick the box to confirm you want to come off the supporters page.", StatusCodes.Status400BadRequest)
                : ManageLink.BackTo(await manage.WithdrawAsync(submission, ifMatch: null, cancellationToken), PageUrl(request, id)), cancellationToken));

    private IResult Render(HttpRequest request, Submission submission, string? error, int status)
    {
        var options = site.Value;
        var details = HubJson.Deserialize<SupporterDetails>(submission.DetailsJson);
        var heading = "Your pledge of support: " + details.Title;
        var html = new StringBuilder(4096);
        ManageLinkPage.WriteErrorSummary(html, error);
        ManageLinkPage.WriteWhatIsHappening(html, heading, "anyone with it can take your organisation off the supporters page.", submission,
            StatusWords(submission.Status), options.Url(SupporterPaths.List), "See the supporters page");
        if (submission.Status == SubmissionStatus.TakenDown)
        {
            html.Append("<p>If you think this is a mistake, or something has changed, reply to the email we sent you about it and tell the campaign team.</p>\n");
        }
        else if (submission.Status is SubmissionStatus.Withdrawn or SubmissionStatus.Rejected)
        {
            html.Append("<p>You can <a href=\"").Text(options.Url(SupporterPaths.Form)).Append("\">send a new pledge</a> at any time.</p>\n");
        }
        else
        {
            ManageLinkPage.WriteWithdrawForm(html, Withdraw, PageUrl(request, submission.Id), ConfirmField, error);
        }
        return ManageLinkPage.Answer(options, heading, html, error, status);
    }

    private static readonly WithdrawWording Withdraw = new("Withdraw your pledge",
        "If your organisation no longer wants to be listed, you can take it off the supporters page. You cannot undo this, but you can send a new pledge.",
        "I want to take our organisation off the supporters page", "Withdraw our pledge");

    private string PageUrl(HttpRequest request, string id) =>
        site.Value.Api($"supporters/{id}/manage?token={Uri.EscapeDataString(request.Query["token"].ToString())}");

    public static string StatusWords(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Live => "Your organisation is on the supporters page.",
        SubmissionStatus.AwaitingConfirmation => "We are waiting for you to confirm your email address. Open the email we sent you and press the button. Then our team will read your pledge.",
        SubmissionStatus.Approved => "Your pledge has been approved. It will be on the supporters page in a moment.",
        SubmissionStatus.ChangesRequested => "We need you to change something before your organisation can be listed. See what our team said below, then send a new pledge.",
        SubmissionStatus.Rejected => "We cannot list this pledge. See what our team said below.",
        SubmissionStatus.Withdrawn => "You have withdrawn your pledge. Your organisation is no longer on the supporters page.",
        SubmissionStatus.TakenDown => "The campaign team took your organisation off the supporters page. This was their decision; you did not withdraw it. See what they said below.",
        _ => "We have your pledge. A person from our team will read it soon.",
    };
}
