using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Limits;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// <c>POST /api/posts</c>: someone sends a story for the blog, with up to three pictures, from a program or the
/// form at <c>/submit-post/</c>. Everything is checked before anything is written; then the files, the row and
/// the moderation message, in that order. The author gets a receipt with a private manage link.
/// </summary>
public sealed class SubmitPost(
    SubmissionStore submissions,
    ContactGate contacts,
    PostBlobs blobs,
    PictureDecodes decodes,
    QueueSender queues,
    Idempotency idempotency,
    ClientLimits limits,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<SubmitPost> logger)
{
    public const string ManagePurpose = "post-manage";
    public const string Kind = "post";

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = Idempotency.KeyOf(request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }
        if (await limits.CountAsync(request, LimitedAction.Submission) is { } limited)
        {
            return WantsPage(request)
                ? ClientLimits.WithSameWait(limited, EventPages.Html(Forms.SubmitPostPage.Render(site.Value, EventFormValues.From(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>()), SubmitEvent.TooManyOnForm, Languages.Of(request)), StatusCodes.Status429TooManyRequests))
                : limited;
        }
        var (upload, problem) = await PostUpload.ReadAsync(request, decodes, cancellationToken);
        if (upload is null)
        {
            return problem!;
        }
        var input = PostValidator.Read(upload, Languages.Of(request));
        if (input.Draft is null)
        {
            return WantsPage(request)
                ? EventPages.Html(Forms.SubmitPostPage.Render(site.Value, EventFormValues.From(upload.Fields.Form), input.Errors, Languages.Of(request)), StatusCodes.Status400BadRequest)
                : Problems.Validation(input.Errors, Languages.Of(request));
        }
        var (earlier, claim) = key is null ? (null, null) : await idempotency.BeginAsync("POST posts", key, input.Draft.AuthorEmail, upload.BodyHash, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        var now = time.GetUtcNow();
        // With an Idempotency-Key every attempt builds the same item: the claim fixes its id and manage token.
        var id = claim?.ItemId ?? SubmissionStore.NewId();
        var (token, tokenHash) = claim is null ? Tokens.Create(ManagePurpose) : idempotency.ManageToken(claim, ManagePurpose);
        var details = await blobs.WriteAsync(id, 1, input.Draft, cancellationToken);
        var manageUrl = ManageUrl(site.Value, id, token);
        var status = await SubmissionIntake.StoreAsync(submissions, contacts, queues,
            new NewSubmission(Kind, id, details.Title, HubJson.Serialize(details), tokenHash, details.AuthorEmail, input.Honeypot, now, manageUrl, Languages.Of(request)),
            cancellationToken);
        logger.LogInformation("Post {ItemId} received with {Images} pictures", id, details.Images.Count);

        return await SubmissionReceipt.AnswerAsync(idempotency, claim, site.Value, "posts", id, status, manageUrl,
            WantsPage(request) ? Languages.Of(request).Localise("submit-post/thanks/") : null, cancellationToken);
    }

    public static string ManageUrl(SiteOptions site, string id, string token) => site.Api($"posts/{id}/manage?token={Uri.EscapeDataString(token)}");

    /// <summary>
    /// Both the form and programs send multipart bodies, so the form is told apart by what it accepts: a browser
    /// navigating asks for HTML, a program asks for JSON (or anything).
    /// </summary>
    public static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
