using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Supporters;

/// <summary>
/// The supporter's private link: <c>GET</c> shows the pledge and where it stands, <c>DELETE</c> withdraws it from the
/// supporters page (through the publish queue, as events and stories are). A missing or wrong token is a 404.
/// </summary>
public sealed class ManageSupporter(
    SubmissionStore submissions,
    ModerationLog log,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<ManageSupporter> logger)
{
    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerAsync(FindAsync(request, id, cancellationToken), submission =>
        {
            request.HttpContext.Response.Headers.ETag = submission.EntityTag;
            var details = HubJson.Deserialize<SupporterDetails>(submission.DetailsJson);
            return Task.FromResult<IResult>(TypedResults.Json(new
            {
                id = submission.Id,
                status = ManageEvent.StatusWord(submission.Status),
                version = submission.Version,
                submitted = submission.Submitted,
                updated = submission.Updated,
                url = submission.Status == SubmissionStatus.Live ? site.Value.Url(SupporterPaths.List) : null,
                supporter = new
                {
                    organisation = details.Title, website = details.Website, statement = details.Statement, contactEmail = details.ContactEmail,
                    logo = details.Logo is { } logo ? new { width = logo.Width, height = logo.Height, contentType = logo.ContentType } : null,
                },
                reason = submission.Reason,
            }, HubJson.Options));
        }));

    public Task<IResult> WithdrawAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerAsync(FindAsync(request, id, cancellationToken), submission => WithdrawAsync(submission, ManageLink.IfMatch(request), cancellationToken)));

    internal Task<IResult> WithdrawAsync(Submission submission, string? ifMatch, CancellationToken cancellationToken) =>
        ManageLink.WithdrawForHolderAsync(submissions, log, submission, ifMatch, time, "pledge", "supporter",
            withdrawn => logger.LogInformation("Supporter {ItemId} withdrawn at v{Version}", withdrawn.Id, withdrawn.Version), cancellationToken);

    /// <summary>The pledge, if the request carries its manage token (Bearer header or <c>?token=</c>).</summary>
    internal Task<Submission?> FindAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        submissions.FindManagedAsync(request, id, SubmitSupporter.Kind, SubmitSupporter.ManagePurpose, cancellationToken);
}
