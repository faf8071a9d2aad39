using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Limits;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Events;

/// <summary>
/// <c>POST /api/events</c>: an organisation lists an event, as JSON or from the HTML form. It is stored,
/// queued for the automatic checks, and the organiser gets a receipt with a private manage link.
/// </summary>
public sealed class SubmitEvent(
    SubmissionStore submissions,
    ContactGate contacts,
    QueueSender queues,
    Idempotency idempotency,
    EventPages pages,
    ClientLimits limits,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<SubmitEvent> logger)
{
    public const string ManagePurpose = "event-manage";

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = Idempotency.KeyOf(request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }
        var limited = await limits.CountAsync(request, LimitedAction.Submission);
        var (fields, problem) = await InputFields.ReadAsync(request, cancellationToken);
        if (limited is not null)
        {
            return fields is { FromForm: true } ? ClientLimits.WithSameWait(limited, pages.SubmitFormWithErrors(fields, TooManyOnForm, StatusCodes.Status429TooManyRequests, Languages.Of(request))) : limited;
        }
        if (fields is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var input = EventValidator.Read(fields, now, Languages.Of(request));
        if (input.Details is null)
        {
            return fields.FromForm
                ? pages.SubmitFormWithErrors(fields, input.Errors, language: Languages.Of(request))
                : Problems.Validation(input.Errors, Languages.Of(request));
        }

        var details = input.Details;
        var (earlier, claim) = key is null ? (null, null) : await idempotency.BeginAsync("POST events", key, details.Contact.Email, fields.Body, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        // With an Idempotency-Key every attempt builds the same item: the claim fixes its id and manage token.
        var id = claim?.ItemId ?? SubmissionStore.NewId();
        var (token, tokenHash) = claim is null ? Tokens.Create(ManagePurpose) : idempotency.ManageToken(claim, ManagePurpose);
        var manageUrl = ManageUrl(site.Value, id, token);
        var status = await SubmissionIntake.StoreAsync(submissions, contacts, queues,
            new NewSubmission("event", id, details.Title, HubJson.Serialize(details), tokenHash, details.Contact.Email, input.Honeypot, now, manageUrl, Languages.Of(request)),
            cancellationToken);
        logger.LogInformation("Event {ItemId} received", id);

        return await SubmissionReceipt.AnswerAsync(idempotency, claim, site.Value, "events", id, status, manageUrl,
            fields.FromForm ? Languages.Of(request).Localise("submit-event/thanks/") : null, cancellationToken);
    }

    /// <summary>What the form says when its sender is over the hourly limit; the form keeps what they wrote.</summary>
    internal static readonly Dictionary<string, string[]> TooManyOnForm = new()
    {
        ["limit"] = ["You have sent a lot from this connection in the last hour. Keep this page open and send it again in an hour."],
    };

    public static string ManageUrl(SiteOptions site, string id, string token) => site.Api($"events/{id}/manage?token={Uri.EscapeDataString(token)}");
}

/// <summary>
/// The answer to a submission: its id, where it stands, and the private link to manage it. A replay for a repeated
/// Idempotency-Key leaves the link out and says it was emailed (<c>manageUrlEmailed</c>), so only the first answer holds it.
/// </summary>
public sealed record SubmissionAnswer(string Id, string Status, string? ManageUrl, bool? ManageUrlEmailed = null)
{
    public static SubmissionAnswer Replay(string id, string status) => new(id, status, null, ManageUrlEmailed: true);
}

/// <summary>A 303 See Other: after a form post, the browser fetches the next page with GET.</summary>
public sealed class SeeOther(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
