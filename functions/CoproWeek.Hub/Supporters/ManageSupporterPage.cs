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
                ? Render(request, submission, ManageLinkPage.Words("Supporter.Tick", Languages.Of(request)), StatusCodes.Status400BadRequest)
                : ManageLink.BackTo(await manage.WithdrawAsync(submission, ifMatch: null, cancellationToken), PageUrl(request, id)), cancellationToken));

    private IResult Render(HttpRequest request, Submission submission, string? error, int status)
    {
        var options = site.Value;
        var language = Languages.Of(request);
        var details = HubJson.Deserialize<SupporterDetails>(submission.DetailsJson);
        var heading = ManageLinkPage.Words("Supporter.Heading", language, details.Title);
        var html = new StringBuilder(4096);
        ManageLinkPage.WriteErrorSummary(html, error, language);
        ManageLinkPage.WriteWhatIsHappening(html, heading, ManageLinkPage.Words("Supporter.WhoCan", language), submission,
            StatusWords(submission.Status, language), options.Url(language.Localise(SupporterPaths.List)), ManageLinkPage.Words("Supporter.Live", language), language);
        if (submission.Status == SubmissionStatus.TakenDown)
        {
            html.Append("<p>").Text(ManageLinkPage.Words("Supporter.Mistake", language)).Append("</p>\n");
        }
        else if (submission.Status is SubmissionStatus.Withdrawn or SubmissionStatus.Rejected)
        {
            ManageLinkPage.WriteLinkLine(html, ManageLinkPage.Words("Supporter.New", language), options.Url(language.Localise(SupporterPaths.Form)),
                ManageLinkPage.Words("Supporter.NewLink", language));
        }
        else
        {
            ManageLinkPage.WriteWithdrawForm(html, Withdraw(language), PageUrl(request, submission.Id), ConfirmField, error, language);
        }
        return ManageLinkPage.Answer(options, heading, html, error, status, language,
            PageTranslation.OfApi(options, language, $"supporters/{submission.Id}/manage", ManageLinkPage.TokenQuery(request)));
    }

    private static WithdrawWording Withdraw(Language language) => new(ManageLinkPage.Words("Supporter.Withdraw.Heading", language),
        ManageLinkPage.Words("Supporter.Withdraw.Explanation", language), ManageLinkPage.Words("Supporter.Withdraw.Confirm", language),
        ManageLinkPage.Words("Supporter.Withdraw.Button", language));

    /// <summary>The page in the request's language: a Welsh page's form posts back to the Welsh route, and comes back to it.</summary>
    private string PageUrl(HttpRequest request, string id) =>
        site.Value.Api(Languages.Of(request).Localise($"supporters/{id}/manage")) + ManageLinkPage.TokenQuery(request);

    public static string StatusWords(SubmissionStatus status, Language language = Language.English) => ManageLinkPage.Words(status switch
    {
        SubmissionStatus.Live => "Supporter.Status.Live",
        SubmissionStatus.AwaitingConfirmation => "Supporter.Status.AwaitingConfirmation",
        SubmissionStatus.Approved => "Supporter.Status.Approved",
        SubmissionStatus.ChangesRequested => "Supporter.Status.ChangesRequested",
        SubmissionStatus.Rejected => "Supporter.Status.Rejected",
        SubmissionStatus.Withdrawn => "Supporter.Status.Withdrawn",
        SubmissionStatus.TakenDown => "Supporter.Status.TakenDown",
        _ => "Supporter.Status.Received",
    }, language);
}
