using System.Globalization;
using System.Text.Json;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// The moderators' API under <c>/api/moderation/</c>, behind <c>Authorization: Bearer &lt;key&gt;</c>: the queue of
/// items waiting for a person, one item as it will look when published with its history, and a decision on it
/// (with <c>If-Match</c> on the version read, so nobody decides on something that changed under them).
/// </summary>
public sealed class ModerationApi(ModeratorAuth auth, ModerationQueue queue, SubmissionStore submissions, ModerationItems items, Previews previews, DecideSubmission decide, QueueSummary summary, ReportQueue reported)
{
    public Task<IResult> QueueAsync(HttpRequest request, CancellationToken cancellationToken) =>
        auth.AnswerAsync(request, _ => AnswerQueueAsync(request, cancellationToken), cancellationToken);

    private async Task<IResult> AnswerQueueAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ModerationQueue.DefaultPageSize;
        if (request.Query["pageSize"] is { Count: > 0 } size
            && (!int.TryParse(size.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > ModerationQueue.LargestPageSize))
        {
            errors["pageSize"] = [$"Give a whole number from 1 to {ModerationQueue.LargestPageSize}."];
        }
        var token = request.Query["continuationToken"].ToString() is { Length: > 0 } t ? t : null;
        if (!ModerationQueue.IsToken(token))
        {
            errors["continuationToken"] = ["Use the continuationToken from the page before, as it was given."];
        }
        var kind = request.Query["kind"].ToString() is { Length: > 0 } k ? k : null;
        if (kind is not null && !QueueSummary.IsKind(kind))
        {
            errors["kind"] = [$"Give one of {string.Join(", ", QueueSummary.Kinds.Select(x => x.Kind))}, or leave it out for everything."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var counting = summary.CountAsync(cancellationToken);
        if (await queue.ReadAsync(pageSize, token, cancellationToken, kind) is not { } page)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["continuationToken"] = ["Use the continuationToken from the page before, as it was given."] });
        }
        // Reported live items lead the first page; the pages after it hold only items waiting for a decision.
        var reportedItems = await reported.ReadAsync(cancellationToken);
        var counts = (await counting).WithReports(reportedItems);
        var reports = token is null && QueueCounts.ShowsReports(kind) ? reportedItems.Select(ReportQueue.Json) : [];
        return TypedResults.Json(new
        {
            items = reports.Concat(page.Items.Select(i => (object)new { id = i.Id, kind = i.Kind, title = i.Title, version = i.Version, submitted = i.Submitted, findings = i.Findings })),
            continuationToken = page.ContinuationToken,
            counts = QueueSummary.Kinds.ToDictionary(x => x.Kind, x => counts.ByKind.GetValueOrDefault(x.Kind)),
            oldestWaitingSince = counts.OldestSince,
        }, HubJson.Options);
    }

    public Task<IResult> ItemAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        auth.AnswerAsync(request, _ => AnswerItemAsync(request, id, cancellationToken), cancellationToken);

    private async Task<IResult> AnswerItemAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var submission = await submissions.GetAsync(id, cancellationToken);
        if (submission is null)
        {
            return Problems.NotFound();
        }
        var view = items.ReadAsync(submission, cancellationToken);
        var preview = previews.RenderAsync(submission, cancellationToken);
        using var details = JsonDocument.Parse(submission.DetailsJson);
        request.HttpContext.Response.Headers.ETag = submission.EntityTag;
        return TypedResults.Json(new
        {
            id = submission.Id,
            kind = submission.Kind,
            status = ManageEvent.StatusWord(submission.Status),
            version = submission.Version,
            title = ModerationQueue.TitleOf(submission),
            submitted = submission.Submitted,
            updated = submission.Updated,
            findings = submission.Findings,
            reason = submission.Reason,
            details = details.RootElement.Clone(),
            contact = new { email = submission.ContactEmail, name = (await view).Fields.FirstOrDefault(f => f.Name is "contact.name" or "authorName")?.Value },
            fields = (await view).Fields.Select(f => new { name = f.Name, label = f.Label, value = f.Value, @private = f.Private }),
            previewHtml = await preview,
            pictures = (await view).PictureUrls,
            earlierVersions = (await view).EarlierVersions.Select(v => new { version = v.Version, decision = v.Decision, fields = v.Fields.Select(f => new { name = f.Name, label = f.Label, value = f.Value }) }),
            lastDecidedVersion = (await view).LastDecidedVersion,
            changesSinceLastDecision = (await view).ChangesSinceLastDecision.Select(c => new { label = c.Label, before = c.Before, after = c.After }),
            history = (await view).History.Select(h => new { version = h.Version, who = h.Who, when = h.When, decision = h.Decision, reason = h.Reason }),
            actions = (await view).Actions,
        }, HubJson.Options);
    }

    public Task<IResult> DecideAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        auth.AnswerAsync(request, moderator => AnswerDecideAsync(request, id, moderator, cancellationToken), cancellationToken);

    private async Task<IResult> AnswerDecideAsync(HttpRequest request, string id, string moderator, CancellationToken cancellationToken)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return Problems.Status(StatusCodes.Status428PreconditionRequired, "Send If-Match",
                "Send the ETag you got when you read the item in an If-Match header, so that you decide on what you read.");
        }
        var (fields, bodyProblem) = await InputFields.ReadAsync(request, cancellationToken);
        if (fields is null)
        {
            return bodyProblem!;
        }
        var word = fields["decision"]?.Text;
        var reason = fields["reason"]?.Text;
        var errors = DecideSubmission.Check(word, reason);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        if (VersionOf(ifMatch) is not { } version)
        {
            return Changed();
        }
        var (outcome, item) = await decide.DecideAsync(id, version, DecideSubmission.Parse(word)!.Value, reason, moderator, cancellationToken);
        return outcome switch
        {
            DecisionOutcome.Decided => TypedResults.Json(new { id, status = ManageEvent.StatusWord(item!.Status), version = item.Version }, HubJson.Options),
            DecisionOutcome.NotFound => Problems.NotFound(),
            DecisionOutcome.VersionChanged => Changed(),
            DecisionOutcome.NotForThisKind => Problems.Status(StatusCodes.Status409Conflict, "A supporter cannot be asked for changes",
                NotForThisKindDetail),
            _ => Problems.Status(StatusCodes.Status409Conflict, "This item is not waiting for a decision",
                $"It is {ManageEvent.StatusWord(item!.Status)}: another moderator may have decided first. Read it again."),
        };
    }

    /// <summary>Why a supporter cannot be sent back for changes, on the page and in the API alike.</summary>
    public const string NotForThisKindDetail = "A supporter cannot change their pledge once it is sent, so it would wait for ever. Approve it, or reject it and say why.";

    /// <summary>The version in an entity tag <c>"v3"</c> (weak or strong), or null if it is not one of ours.</summary>
    public static int? VersionOf(string? entityTag)
    {
        var tag = entityTag?.Trim() ?? "";
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }
        return tag.Length > 3 && tag.StartsWith("\"v", StringComparison.Ordinal) && tag.EndsWith('"')
            && int.TryParse(tag[2..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    private static IResult Changed() =>
        Problems.Status(StatusCodes.Status412PreconditionFailed, "The item changed since you read it",
            "The author sent a new version, or the tag is not one we gave. Read the item again, then decide.");
}
