using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// What moderators do to items that are live, and the pictures they look at before deciding:
/// <c>POST /api/moderation/items/{id}/takedown</c> (<c>{ reason }</c>) and <c>.../restore</c>, both with <c>If-Match</c>
/// on the version read and <c>Authorization: Bearer &lt;key&gt;</c>; and <c>GET /api/moderate/items/{id}/pictures/{number}</c>,
/// a story's picture from the private container, for a signed-in moderator only (session cookie or key), never cached.
/// </summary>
public sealed class ModerationActions(ModeratorAuth auth, ModeratorSessions sessions, SubmissionStore submissions, TakeDownItem takeDown, PostBlobs blobs)
{
    public Task<IResult> TakeDownAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        auth.AnswerAsync(request, moderator => AnswerAsync(request, id, takingDown: true, moderator, cancellationToken), cancellationToken);

    public Task<IResult> RestoreAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        auth.AnswerAsync(request, moderator => AnswerAsync(request, id, takingDown: false, moderator, cancellationToken), cancellationToken);

    private async Task<IResult> AnswerAsync(HttpRequest request, string id, bool takingDown, string moderator, CancellationToken cancellationToken)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return Problems.Status(StatusCodes.Status428PreconditionRequired, "Send If-Match",
                "Send the ETag you got when you read the item in an If-Match header, so that you act on what you read.");
        }
        string? reason = null;
        if (takingDown)
        {
            var (fields, bodyProblem) = await InputFields.ReadAsync(request, cancellationToken);
            if (fields is null)
            {
                return bodyProblem!;
            }
            reason = fields["reason"]?.Text;
            if (TakeDownItem.CheckReason(reason) is { Count: > 0 } errors)
            {
                return Problems.Validation(errors);
            }
        }
        if (ModerationApi.VersionOf(ifMatch) is not { } version)
        {
            return Changed();
        }
        var (outcome, item) = takingDown
            ? await takeDown.TakeDownAsync(id, version, reason!, moderator, cancellationToken)
            : await takeDown.RestoreAsync(id, version, moderator, cancellationToken);
        if (outcome == TakeDownOutcome.Done)
        {
            request.HttpContext.Response.Headers.ETag = item!.EntityTag;
        }
        return outcome switch
        {
            TakeDownOutcome.Done => TypedResults.Json(new
            {
                id, status = ManageEvent.StatusWord(item!.Status), version = item.Version,
                message = item.Status == SubmissionStatus.Held ? TakeDownItem.RestoredForReview : null,
            }, HubJson.Options),
            TakeDownOutcome.NotFound => Problems.NotFound(),
            TakeDownOutcome.VersionChanged => Changed(),
            _ => Problems.Status(StatusCodes.Status409Conflict, takingDown ? "This item is not live" : "This item was not taken down",
                $"It is {ManageEvent.StatusWord(item!.Status)}. Read it again."),
        };
    }

    public Task<IResult> PictureAsync(HttpRequest request, string id, string number, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(AnswerPictureAsync(request, id, number, cancellationToken));

    private async Task<IResult> AnswerPictureAsync(HttpRequest request, string id, string number, CancellationToken cancellationToken)
    {
        if (!await IsModeratorAsync(request, cancellationToken))
        {
            return ModeratorAuth.Unauthorized();
        }
        var item = await submissions.GetAsync(id, cancellationToken);
        if (item is null || !int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return Problems.NotFound();
        }
        var pictures = PicturesOf(item);
        if (n < 1 || n > pictures.Count)
        {
            return Problems.NotFound();
        }
        var image = pictures[n - 1];
        return TypedResults.Bytes((await blobs.ReadImageAsync(image, cancellationToken)).ToArray(), image.ContentType);
    }

    /// <summary>The pictures a moderator must see before deciding: a story's pictures, a supporter's logo.</summary>
    public static IReadOnlyList<PostImage> PicturesOf(Submission item) => item.Kind switch
    {
        SubmitPost.Kind => HubJson.Deserialize<PostDetails>(item.DetailsJson).Images,
        Supporters.SubmitSupporter.Kind when HubJson.Deserialize<Supporters.SupporterDetails>(item.DetailsJson).Logo is { } logo => [logo],
        _ => [],
    };

    /// <summary>The picture's address for a moderator; the version makes a new version's picture a new address.</summary>
    public static string PictureUrl(SiteOptions site, Submission item, int number) =>
        site.Api($"moderate/items/{item.Id}/pictures/{number}?v={item.Version}");

    private async Task<bool> IsModeratorAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Cookies[ModerationPage.Cookie] is { Length: > 0 } token && await sessions.FindAsync(token, cancellationToken) is not null)
        {
            return true;
        }
        return request.Headers.Authorization.Count > 0 && (await auth.AuthenticateAsync(request, cancellationToken)).Name is not null;
    }

    private static IResult Changed() =>
        Problems.Status(StatusCodes.Status412PreconditionFailed, "The item changed since you read it",
            "Someone changed it, or the tag is not one we gave. Read the item again, then act.");
}
