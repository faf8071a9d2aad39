using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// What moderators do with the public's reports. The API: <c>GET /api/moderation/items/{id}/reports</c> (every open
/// report, with the reporter's words and address) and <c>POST /api/moderation/items/{id}/reports/dismiss</c> with an
/// optional <c>reason</c>. The page: <c>/api/moderate/items/{id}/reports</c>, with a button that does the same.
/// A dismissal is logged in the ModerationLog like every decision; a take-down clears the reports too.
/// </summary>
public sealed class ReportsModeration(
    ModeratorPageSession moderators,
    ReportStore reports,
    SubmissionStore submissions,
    SubmitReport live,
    ModerationLog log,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<ReportsModeration> logger)
{
    public const string Dismissed = "reports-dismissed";

    private string QueueUrl => site.Value.Api(Triggers.Routes.ModerationPage);

    public Task<IResult> ListAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        moderators.AnswerAsync(request, _ => AnswerListAsync(request, id, cancellationToken), cancellationToken);

    private async Task<IResult> AnswerListAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!SubmissionStore.IsId(id) || await submissions.GetAsync(id, cancellationToken) is not { } item)
        {
            return Problems.NotFound();
        }
        var open = await reports.ForItemAsync(id, cancellationToken);
        return TypedResults.Json(new
        {
            id,
            kind = item.Kind,
            title = ModerationQueue.TitleOf(item),
            reports = open.Select(r => new { id = r.Id, reason = r.Reason, details = r.Details, email = r.Email, at = r.At }),
        }, HubJson.Options);
    }

    public Task<IResult> DismissAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        moderators.AnswerAsync(request, moderator => AnswerDismissAsync(request, id, moderator, cancellationToken), cancellationToken);

    private async Task<IResult> AnswerDismissAsync(HttpRequest request, string id, string moderator, CancellationToken cancellationToken)
    {
        string? reason = null;
        if (request.ContentLength is > 0 || request.Headers.ContentType.Count > 0)
        {
            var (fields, bodyProblem) = await InputFields.ReadAsync(request, cancellationToken);
            if (fields is null)
            {
                return bodyProblem!;
            }
            var reader = new FieldReader(fields);
            reason = reader.Text("reason", "a reason", DecideSubmission.LongestReason, multiline: true);
            reader.RejectUnknown();
            if (!reader.IsValid)
            {
                return Problems.Validation(reader.Errors);
            }
        }
        if (!SubmissionStore.IsId(id) || await submissions.GetAsync(id, cancellationToken) is not { } item)
        {
            return Problems.NotFound();
        }
        var count = await DismissAsync(item, moderator, reason, cancellationToken);
        return TypedResults.Json(new { id, dismissed = count }, HubJson.Options);
    }

    public Task<IResult> ShowPageAsync(HttpRequest request, string id, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerShowPageAsync(request, id, cancellationToken));

    private async Task<IResult> AnswerShowPageAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await moderators.FindAsync(request, cancellationToken) is not { } session)
        {
            return ModeratorPageSession.SignInFirst(QueueUrl);
        }
        if (!SubmissionStore.IsId(id) || await submissions.GetAsync(id, cancellationToken) is not { } item)
        {
            return Problems.NotFound();
        }
        var open = await reports.ForItemAsync(id, cancellationToken);
        var onSite = await live.LiveItemAsync(id, cancellationToken);
        return PrivateAnswer.Html(ReportsPageHtml.Item(site.Value, session, item, onSite, open));
    }

    /// <summary>The page's dismiss button: <c>formToken</c> and an optional <c>reason</c>.</summary>
    public Task<IResult> PostPageAsync(HttpRequest request, string id, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerPostPageAsync(request, id, cancellationToken));

    private async Task<IResult> AnswerPostPageAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (OriginalRequest.IsCrossSite(request, site.Value))
        {
            return ModeratorPageSession.ForeignForm();
        }
        if (await moderators.FindAsync(request, cancellationToken) is not { } session)
        {
            return ModeratorPageSession.SignInFirst(QueueUrl);
        }
        var (fields, _) = await InputFields.ReadAsync(request, cancellationToken);
        if (fields is not { FromForm: true } || !ModeratorSessions.FormTokenMatches(session, fields["formToken"]?.Text))
        {
            return ModeratorPageSession.ForeignForm();
        }
        if (!SubmissionStore.IsId(id) || await submissions.GetAsync(id, cancellationToken) is not { } item)
        {
            return Problems.NotFound();
        }
        var reason = fields["reason"]?.Text?.Trim();
        if (reason is { Length: > DecideSubmission.LongestReason } || reason is not null && FieldReader.HasHiddenCharacters(reason, multiline: true))
        {
            reason = null;
        }
        await DismissAsync(item, session.Name, string.IsNullOrEmpty(reason) ? null : reason, cancellationToken);
        return new SeeOther(QueueUrl);
    }

    private async Task<int> DismissAsync(Submission item, string moderator, string? reason, CancellationToken cancellationToken)
    {
        var count = await reports.ClearAsync(item.Id, cancellationToken);
        if (count > 0)
        {
            var now = time.GetUtcNow();
            await log.AppendOccurrenceAsync(new LogEntry(item.Id, item.Version, moderator, now, Dismissed, reason),
                now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            logger.LogInformation("{Count} reports about {ItemId} dismissed", count, item.Id);
        }
        return count;
    }
}
