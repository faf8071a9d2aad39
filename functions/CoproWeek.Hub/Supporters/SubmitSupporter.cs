using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Limits;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Supporters;

/// <summary>
/// <c>POST /api/supporters</c>: an organisation says it supports the week, from a program (JSON) or the form at
/// <c>/support-the-week/</c>. Checked before anything is written; then the logo, the row and the moderation message.
/// Every pledge waits for a moderator; its contact address is confirmed first, like every other.
/// </summary>
public sealed class SubmitSupporter(
    SubmissionStore submissions,
    ContactGate contacts,
    SupporterBlobs blobs,
    PictureDecodes decodes,
    QueueSender queues,
    Idempotency idempotency,
    ClientLimits limits,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<SubmitSupporter> logger)
{
    public const string Kind = "supporter";
    public const string ManagePurpose = "supporter-manage";

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = Idempotency.KeyOf(request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }
        var page = WantsPage(request);
        var language = Languages.Of(request);
        if (await limits.CountAsync(request, LimitedAction.Supporter) is { } limited)
        {
            var tooMany = new Dictionary<string, string[]> { ["limit"] = [Rendering.Localised.Get<SupporterText>("ErrorLimit", language)] };
            return page ? ClientLimits.WithSameWait(limited, FormAgain(EventFormValues.Empty, tooMany, StatusCodes.Status429TooManyRequests, language)) : limited;
        }
        var (upload, problem) = await SupporterUpload.ReadAsync(request, decodes, cancellationToken);
        if (upload is null)
        {
            return problem!;
        }
        var input = SupporterValidator.Read(upload.Fields, upload.Logo, language);
        if (input.Draft is null)
        {
            return page ? FormAgain(EventFormValues.From(upload.Fields.Form), input.Errors, StatusCodes.Status400BadRequest, language) : Problems.Validation(input.Errors, language);
        }
        var email = input.Draft.Details.ContactEmail;
        var (earlier, claim) = key is null ? (null, null) : await idempotency.BeginAsync("POST supporters", key, email, upload.BodyHash, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        var now = time.GetUtcNow();
        var id = claim?.ItemId ?? SubmissionStore.NewId();
        var (token, tokenHash) = claim is null ? Tokens.Create(ManagePurpose) : idempotency.ManageToken(claim, ManagePurpose);
        var details = await blobs.WriteAsync(id, 1, input.Draft, cancellationToken);
        var manageUrl = ManageUrl(site.Value, id, token);
        var status = await SubmissionIntake.StoreAsync(submissions, contacts, queues,
            new NewSubmission(Kind, id, details.Title, HubJson.Serialize(details), tokenHash, email, input.Honeypot, now, manageUrl, Languages.Of(request)),
            cancellationToken);
        logger.LogInformation("Supporter {ItemId} received, with a logo: {HasLogo}", id, details.Logo is not null);

        return await SubmissionReceipt.AnswerAsync(idempotency, claim, site.Value, "supporters", id, status, manageUrl,
            page ? language.Localise(SupporterPaths.ThanksFolder) : null, cancellationToken);
    }

    private IResult FormAgain(EventFormValues values, IReadOnlyDictionary<string, string[]> errors, int status, Language language) =>
        EventPages.Html(SupportTheWeekPage.Render(site.Value, values, errors, language), status);

    public static string ManageUrl(SiteOptions site, string id, string token) => site.Api($"supporters/{id}/manage?token={Uri.EscapeDataString(token)}");

    /// <summary>A browser navigating asks for HTML; a program asks for JSON (or anything).</summary>
    public static bool WantsPage(HttpRequest request) => SubmitPost.WantsPage(request);
}
