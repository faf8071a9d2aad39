using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// The author's private link: <c>GET</c> shows the story with its status and the moderators' reasons, <c>PUT</c>
/// (multipart, with <c>If-Match</c>) replaces it while it is not yet published, <c>DELETE</c> withdraws it, from
/// the site too if it is live. A missing or wrong token is a 404, so ids cannot be probed.
/// </summary>
public sealed class ManagePost(
    SubmissionStore submissions,
    ContactGate contacts,
    PostBlobs blobs,
    PictureDecodes decodes,
    ModerationLog log,
    ReviewQueue review,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<ManagePost> logger)
{
    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerAsync(FindAsync(request, id, cancellationToken), submission => AnswerGetAsync(request, id, submission, cancellationToken)));

    private async Task<IResult> AnswerGetAsync(HttpRequest request, string id, Submission submission, CancellationToken cancellationToken)
    {
        var history = await log.HistoryAsync(id, cancellationToken);
        var details = HubJson.Deserialize<PostDetails>(submission.DetailsJson);
        var body = await blobs.ReadBodyAsync(details, cancellationToken);
        request.HttpContext.Response.Headers.ETag = submission.EntityTag;
        return TypedResults.Json(new
        {
            id = submission.Id,
            status = ManageEvent.StatusWord(submission.Status),
            version = submission.Version,
            submitted = submission.Submitted,
            updated = submission.Updated,
            url = submission.Status == SubmissionStatus.Live ? site.Value.Public(PostPaths.Folder(submission.Slug)) : null,
            post = new
            {
                title = details.Title, authorName = details.AuthorName, authorEmail = details.AuthorEmail, organisation = details.Organisation,
                authorRole = details.AuthorRole, authors = Bylines.Of(details), originalUrl = details.OriginalUrl, kind = StoryKinds.Of(details.Kind),
                tags = details.Tags, relatedEventId = details.RelatedEventId, body,
                images = details.Images.Select(i => new { alt = i.Alt, width = i.Width, height = i.Height, contentType = i.ContentType }),
            },
            findings = submission.Findings,
            reason = submission.Reason,
            moderation = history.Select(h => new { version = h.Version, decision = h.Decision, reason = h.Reason, when = h.When, by = h.Who == "author" ? "you" : "the campaign team" }),
        }, HubJson.Options);
    }

    public Task<IResult> EditAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerAsync(FindAsync(request, id, cancellationToken), submission => AnswerEditAsync(request, submission, cancellationToken)));

    private async Task<IResult> AnswerEditAsync(HttpRequest request, Submission submission, CancellationToken cancellationToken)
    {
        if (ManageLink.IfMatch(request) is not { } ifMatch)
        {
            return ManageLink.IfMatchRequired("story");
        }
        if (ManageLink.IsStale(ifMatch, submission))
        {
            return Changed();
        }
        if (submission.Status is not (SubmissionStatus.Received or SubmissionStatus.Held or SubmissionStatus.ChangesRequested or SubmissionStatus.AwaitingConfirmation))
        {
            return Problems.Status(StatusCodes.Status409Conflict,
                submission.Status is SubmissionStatus.Live or SubmissionStatus.Approved ? "Published stories cannot be changed" : "This story can no longer be changed",
                submission.Status is SubmissionStatus.Live or SubmissionStatus.Approved
                    ? "Published stories cannot be changed; withdraw it and send it again."
                    : $"It was {ManageEvent.StatusWord(submission.Status)}. You can send it again as a new story.");
        }
        var (upload, problem) = await PostUpload.ReadAsync(request, decodes, cancellationToken);
        if (upload is null)
        {
            return problem!;
        }
        var input = PostValidator.Read(upload);
        if (input.Draft is null)
        {
            return Problems.Validation(input.Errors);
        }

        var version = submission.Version + 1;
        var details = await blobs.WriteAsync(submission.Id, version, input.Draft, cancellationToken);
        var changed = submission with
        {
            Version = version,
            Status = SubmissionStatus.Received,
            DetailsJson = HubJson.Serialize(details),
            ContactEmail = details.AuthorEmail,
            Updated = time.GetUtcNow(),
            Findings = [],
            Reason = null,
        };
        if (await contacts.ResubmitAsync(changed, cancellationToken) is not { } written)
        {
            return Changed();
        }
        logger.LogInformation("Post {ItemId} edited to v{Version}", written.Id, written.Version);
        request.HttpContext.Response.Headers.ETag = written.EntityTag;
        return TypedResults.Json(new SubmissionAnswer(written.Id, ManageEvent.StatusWord(written.Status), null), HubJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    public Task<IResult> WithdrawAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerAsync(FindAsync(request, id, cancellationToken), submission => WithdrawAsync(submission, ManageLink.IfMatch(request), cancellationToken)));

    /// <summary>Withdraws the story; a live one leaves the site, its list and the feeds when the publisher takes the message.</summary>
    internal Task<IResult> WithdrawAsync(Submission submission, string? ifMatch, CancellationToken cancellationToken) =>
        ManageLink.WithdrawAsync(submissions, submission, ifMatch, time, Changed, async withdrawn =>
        {
            await review.RemoveAsync(withdrawn, cancellationToken);
            await log.AppendAsync(new LogEntry(withdrawn.Id, withdrawn.Version, "author", withdrawn.Updated, "withdrawn", null), cancellationToken);
            logger.LogInformation("Post {ItemId} withdrawn at v{Version}", withdrawn.Id, withdrawn.Version);
        }, cancellationToken);

    /// <summary>The story, if the request carries its manage token (Bearer header or <c>?token=</c>).</summary>
    internal Task<Submission?> FindAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        submissions.FindManagedAsync(request, id, SubmitPost.Kind, SubmitPost.ManagePurpose, cancellationToken);

    private static IResult Changed() =>
        Problems.Status(StatusCodes.Status412PreconditionFailed, "The story changed since you read it", "Read it again, then make your change.");
}
