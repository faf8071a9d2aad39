using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Events;

/// <summary>
/// The organiser's private link: <c>GET</c> shows the listing with its status and moderation reasons,
/// <c>PUT</c> (with <c>If-Match</c>) edits it and sends it through moderation again, <c>DELETE</c>
/// withdraws it from the site. A missing or wrong token is a 404, so ids cannot be probed.
/// </summary>
public sealed class ManageEvent(
    SubmissionStore submissions,
    ContactGate contacts,
    ModerationLog log,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<ManageEvent> logger)
{
    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerAsync(FindAsync(request, id, cancellationToken), submission => AnswerGetAsync(request, id, submission, cancellationToken)));

    private async Task<IResult> AnswerGetAsync(HttpRequest request, string id, Submission submission, CancellationToken cancellationToken)
    {
        var history = await log.HistoryAsync(id, cancellationToken);
        request.HttpContext.Response.Headers.ETag = submission.EntityTag;
        return TypedResults.Json(View(submission, history), HubJson.Options);
    }

    public Task<IResult> EditAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerAsync(FindAsync(request, id, cancellationToken), submission => AnswerEditAsync(request, submission, cancellationToken)));

    private async Task<IResult> AnswerEditAsync(HttpRequest request, Submission submission, CancellationToken cancellationToken)
    {
        if (ManageLink.IfMatch(request) is not { } ifMatch)
        {
            return ManageLink.IfMatchRequired("event");
        }
        var (fields, problem) = await InputFields.ReadAsync(request, cancellationToken);
        if (fields is null)
        {
            return problem!;
        }
        var input = EventValidator.Read(fields, time.GetUtcNow());
        if (input.Details is null)
        {
            return Problems.Validation(input.Errors);
        }
        return await ChangeAsync(submission, ifMatch, input.Details, cancellationToken);
    }

    public Task<IResult> WithdrawAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(ManageLink.AnswerAsync(FindAsync(request, id, cancellationToken), submission => WithdrawAsync(submission, ManageLink.IfMatch(request), cancellationToken)));

    /// <summary>Puts a new version through moderation; the live page stays until that version is approved.</summary>
    internal async Task<IResult> ChangeAsync(Submission submission, string? ifMatch, EventDetails details, CancellationToken cancellationToken)
    {
        if (ManageLink.IsStale(ifMatch, submission))
        {
            return Problems.Status(StatusCodes.Status412PreconditionFailed, "The event changed since you read it", "Read it again, then make your change.");
        }
        if (submission.Status is SubmissionStatus.Withdrawn or SubmissionStatus.Rejected or SubmissionStatus.Discarded or SubmissionStatus.TakenDown)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "This event can no longer be changed",
                $"It was {submission.Status.ToString().ToLowerInvariant()}. You can list it again as a new event.");
        }
        var now = time.GetUtcNow();
        var changed = submission with
        {
            Version = submission.Version + 1,
            Status = SubmissionStatus.Received,
            DetailsJson = HubJson.Serialize(details),
            ContactEmail = details.Contact.Email,
            Updated = now,
            Findings = [],
            Reason = null,
        };
        if (await contacts.ResubmitAsync(changed, cancellationToken) is not { } written)
        {
            return Problems.Status(StatusCodes.Status412PreconditionFailed, "The event changed since you read it", "Read it again, then make your change.");
        }
        logger.LogInformation("Event {ItemId} edited to v{Version}", written.Id, written.Version);
        return new Tagged(written.EntityTag, TypedResults.Json(new SubmissionAnswer(written.Id, StatusWord(written.Status), null), HubJson.Options, statusCode: StatusCodes.Status202Accepted));
    }

    internal Task<IResult> WithdrawAsync(Submission submission, string? ifMatch, CancellationToken cancellationToken) =>
        ManageLink.WithdrawForHolderAsync(submissions, log, submission, ifMatch, time, "event", "organiser",
            withdrawn => logger.LogInformation("Event {ItemId} withdrawn at v{Version}", withdrawn.Id, withdrawn.Version), cancellationToken);

    /// <summary>The submission, if the request carries its manage token (Bearer header or <c>?token=</c>).</summary>
    internal Task<Submission?> FindAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        submissions.FindManagedAsync(request, id, "event", SubmitEvent.ManagePurpose, cancellationToken);

    private object View(Submission submission, IReadOnlyList<LogEntry> history) => new
    {
        id = submission.Id,
        status = StatusWord(submission.Status),
        version = submission.Version,
        submitted = submission.Submitted,
        updated = submission.Updated,
        url = submission.Status == SubmissionStatus.Live ? site.Value.Public($"events/{submission.Slug}/") : null,
        @event = HubJson.Deserialize<EventDetails>(submission.DetailsJson),
        findings = submission.Findings,
        reason = submission.Reason,
        moderation = history.Select(h => new { version = h.Version, decision = h.Decision, reason = h.Reason, when = h.When, by = h.Who == ModerationLog.Auto ? "automatic checks" : h.Who == "organiser" ? "you" : "the campaign team" }),
    };

    /// <summary>The status as the API and the organiser's pages name it.</summary>
    public static string StatusWord(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Discarded => "received",
        SubmissionStatus.ChangesRequested => "changes-requested",
        SubmissionStatus.AwaitingConfirmation => "awaiting-confirmation",
        SubmissionStatus.TakenDown => "taken-down",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>Adds an ETag header to another result.</summary>
    private sealed class Tagged(string etag, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = etag;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
