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
            return Render(request, submission, ManageLinkPage.Words("Post.Tick", Languages.Of(request)), StatusCodes.Status400BadRequest);
        }
        return ManageLink.BackTo(await manage.WithdrawAsync(submission, ifMatch: null, cancellationToken), PageUrl(request, id));
    }

    private IResult Render(HttpRequest request, Submission submission, string? error, int status)
    {
        var options = site.Value;
        var language = Languages.Of(request);
        var details = HubJson.Deserialize<PostDetails>(submission.DetailsJson);
        var heading = ManageLinkPage.Words("Post.Heading", language, language == Language.Welsh && details.Welsh is { Title.Length: > 0 } welsh ? welsh.Title : details.Title);
        var html = new StringBuilder(4096);
        ManageLinkPage.WriteErrorSummary(html, error, language);
        ManageLinkPage.WriteWhatIsHappening(html, heading, ManageLinkPage.Words("Post.WhoCan", language), submission,
            StatusWords(submission.Status, language), options.Url(language.Localise(PostPaths.Page(submission.Slug))), ManageLinkPage.Words("Post.Live", language), language);

        if (submission.Status is SubmissionStatus.Withdrawn or SubmissionStatus.Rejected or SubmissionStatus.TakenDown)
        {
            ManageLinkPage.WriteLinkLine(html, ManageLinkPage.Words("Post.New", language), options.Url(language.Localise(PostPaths.SubmitPost)),
                ManageLinkPage.Words("Post.NewLink", language));
        }
        else
        {
            ManageLinkPage.WriteWithdrawForm(html, Withdraw(language), PageUrl(request, submission.Id), ConfirmField, error, language);
        }
        return ManageLinkPage.Answer(options, heading, html, error, status, language,
            PageTranslation.OfApi(options, language, $"posts/{submission.Id}/manage", ManageLinkPage.TokenQuery(request)));
    }

    private static WithdrawWording Withdraw(Language language) => new(ManageLinkPage.Words("Post.Withdraw.Heading", language),
        ManageLinkPage.Words("Post.Withdraw.Explanation", language), ManageLinkPage.Words("Post.Withdraw.Confirm", language),
        ManageLinkPage.Words("Post.Withdraw.Button", language));

    /// <summary>The page in the request's language: a Welsh page's form posts back to the Welsh route, and comes back to it.</summary>
    private string PageUrl(HttpRequest request, string id) =>
        site.Value.Api(Languages.Of(request).Localise($"posts/{id}/manage")) + ManageLinkPage.TokenQuery(request);

    public static string StatusWords(SubmissionStatus status, Language language = Language.English) => ManageLinkPage.Words(status switch
    {
        SubmissionStatus.Live => "Post.Status.Live",
        SubmissionStatus.AwaitingConfirmation => "Post.Status.AwaitingConfirmation",
        SubmissionStatus.Approved => "Post.Status.Approved",
        SubmissionStatus.ChangesRequested => "Post.Status.ChangesRequested",
        SubmissionStatus.Rejected => "Post.Status.Rejected",
        SubmissionStatus.Withdrawn => "Post.Status.Withdrawn",
        SubmissionStatus.TakenDown => "Post.Status.TakenDown",
        _ => "Post.Status.Received",
    }, language);
}
