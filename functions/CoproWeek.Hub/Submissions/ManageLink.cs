using CoproWeek.Hub.Http;
using CoproWeek.Hub.Publishing;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Submissions;

/// <summary>
/// What the organiser's and the author's private links share: a missing or wrong token is a 404, a change needs
/// <c>If-Match</c> (428 without it, 412 when it names an older version), and a withdrawal writes the new version
/// and tells the publisher in one step.
/// </summary>
internal static class ManageLink
{
    /// <summary>The answer for the submission found, or a 404 when the token or the id is wrong.</summary>
    public static async Task<IResult> AnswerAsync(Task<Submission?> find, Func<Submission, Task<IResult>> answer) =>
        await find is { } submission ? await answer(submission) : Problems.NotFound();

    /// <summary>The request's <c>If-Match</c> header, or null when it sends none.</summary>
    public static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch ? ifMatch : null;

    /// <summary>The 428 for a change sent without <c>If-Match</c>; <paramref name="noun"/> is what was read ("event", "story").</summary>
    public static IResult IfMatchRequired(string noun) =>
        Problems.Status(StatusCodes.Status428PreconditionRequired, "Send If-Match",
            $"Send the ETag you got when you read the {noun} in an If-Match header, so that changes made meanwhile are not lost.");

    /// <summary>Whether an <c>If-Match</c> names a version other than the one stored (none, or <c>*</c>, matches any).</summary>
    public static bool IsStale(string? ifMatch, Submission submission) => ifMatch is not null && ifMatch != "*" && ifMatch != submission.EntityTag;

    /// <summary>
    /// Withdraws the submission: a 204 if it already was; otherwise the next version, marked withdrawn, is written and the
    /// publisher told to take it down, then <paramref name="withdrawnNow"/> runs. <paramref name="changed"/> is the 412.
    /// </summary>
    public static async Task<IResult> WithdrawAsync(SubmissionStore submissions, Submission submission, string? ifMatch, TimeProvider time,
        Func<IResult> changed, Func<Submission, Task> withdrawnNow, CancellationToken cancellationToken)
    {
        if (IsStale(ifMatch, submission))
        {
            return changed();
        }
        if (submission.Status == SubmissionStatus.Withdrawn)
        {
            return TypedResults.NoContent();
        }
        var withdrawn = submission with { Version = submission.Version + 1, Status = SubmissionStatus.Withdrawn, Updated = time.GetUtcNow() };
        if (!await submissions.TryReplaceThenSendAsync(withdrawn, Triggers.Queues.Publish, new PublishMessage(withdrawn.Id, withdrawn.Version, Withdraw: true), cancellationToken))
        {
            return changed();
        }
        await withdrawnNow(withdrawn);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Withdraws on the link holder's say-so (see <see cref="WithdrawAsync"/>) and keeps it in the item's history as
    /// withdrawn by <paramref name="holder"/> ("organiser", "supporter"), then <paramref name="withdrawnNow"/> runs. When the
    /// item changed since it was read, a 412 names it as <paramref name="noun"/> ("event", "pledge").
    /// </summary>
    public static Task<IResult> WithdrawForHolderAsync(SubmissionStore submissions, Moderation.ModerationLog log, Submission submission, string? ifMatch,
        TimeProvider time, string noun, string holder, Action<Submission> withdrawnNow, CancellationToken cancellationToken) =>
        WithdrawAsync(submissions, submission, ifMatch, time,
            () => Problems.Status(StatusCodes.Status412PreconditionFailed, $"The {noun} changed since you read it", "Read it again, then withdraw it."),
            async withdrawn =>
            {
                await log.AppendAsync(new Moderation.LogEntry(withdrawn.Id, withdrawn.Version, holder, withdrawn.Updated, "withdrawn", null), cancellationToken);
                withdrawnNow(withdrawn);
            }, cancellationToken);

    /// <summary>
    /// The answer to a form sent to a manage page: a 404 when the token or the id is wrong, then what the body's reader
    /// found wrong, or a 415 for anything but a form; otherwise what <paramref name="answer"/> makes of the fields.
    /// </summary>
    public static Task<IResult> AnswerFormAsync(Task<Submission?> find, HttpRequest request, Func<Submission, InputFields, Task<IResult>> answer,
        CancellationToken cancellationToken) =>
        AnswerAsync(find, async submission =>
        {
            var (fields, problem) = await InputFields.ReadAsync(request, cancellationToken);
            if (fields is null || !fields.FromForm)
            {
                return problem ?? Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the form", "This page takes the form on it.");
            }
            return await answer(submission, fields);
        });

    /// <summary>Whether the form's confirm box was ticked.</summary>
    public static bool Confirmed(InputFields fields, string field) => fields[field]?.Text is "true" or "on";

    /// <summary>Back to the manage page after a change from its form, unless the change failed (then its problem).</summary>
    public static IResult BackTo(IResult result, string page) => result is IStatusCodeHttpResult { StatusCode: >= 400 } ? result : new Events.SeeOther(page);
}
