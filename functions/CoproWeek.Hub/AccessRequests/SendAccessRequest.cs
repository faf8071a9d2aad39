using System.Globalization;
using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Limits;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Rendering;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>
/// <c>GET/POST /api/events/{id}/access-requests</c>: a person tells a live, upcoming event's organiser what they need
/// to take part. The request goes to the organiser's confirmed address with a reply-to of the person's email, and the
/// person gets a copy; both emails travel on the email queue, and nothing of the request is written anywhere else.
/// </summary>
public sealed class SendAccessRequest(
    SubmissionStore submissions,
    ContactAddresses contacts,
    ClientLimits limits,
    AccessRequestCounts counts,
    AccessRequestCopies copies,
    SiteIndex index,
    QueueSender queues,
    IOptions<AccessRequestOptions> options,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<SendAccessRequest> logger)
{
    public Task<IResult> ShowFormAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(AnswerShowFormAsync(id, Languages.Of(request), cancellationToken));

    private async Task<IResult> AnswerShowFormAsync(string id, Language language, CancellationToken cancellationToken)
    {
        var (open, refusal) = await FindOpenEventAsync(id, language, cancellationToken);
        return open is null
            ? Refuse(refusal!, isForm: true, id, language)
            : PrivateAnswer.Html(AccessRequestPages.Form(site.Value, id, open.Summary, null, null, language));
    }

    public Task<IResult> ShowSentAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(AnswerShowSentAsync(id, Languages.Of(request), cancellationToken));

    /// <summary>The confirmation; it names the event only while the event takes requests, from what its public page shows.</summary>
    private async Task<IResult> AnswerShowSentAsync(string id, Language language, CancellationToken cancellationToken)
    {
        var (open, _) = await FindOpenEventAsync(id, language, cancellationToken);
        return PrivateAnswer.Html(AccessRequestPages.Sent(site.Value, id, open?.Summary, language));
    }

    public Task<IResult> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(AnswerHandleAsync(request, id, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var isForm = request.HasFormContentType;
        var language = Languages.Of(request);
        if (await limits.CountAsync(request, LimitedAction.AccessRequest) is { } limited)
        {
            return isForm
                ? ClientLimits.WithSameWait(limited, PrivateAnswer.Html(AccessRequestPages.Closed(site.Value, id, "TryLaterTitle", "TryLater", language),
                    StatusCodes.Status429TooManyRequests))
                : limited;
        }
        var (open, refusal) = await FindOpenEventAsync(id, language, cancellationToken);
        if (open is null)
        {
            return Refuse(refusal!, isForm, id, language);
        }

        var (fields, unreadable) = await InputFields.ReadAsync(request, AccessRequestInput.MaxBodyBytes, cancellationToken);
        if (fields is null)
        {
            return unreadable!;
        }
        var (accessRequest, errors) = AccessRequestInput.Read(fields, language);
        if (accessRequest is null)
        {
            return fields.FromForm
                ? PrivateAnswer.Html(AccessRequestPages.Form(site.Value, id, open.Summary, EventFormValues.From(fields.Form), errors, language), StatusCodes.Status400BadRequest)
                : Problems.Validation(errors, language);
        }

        // An event whose address is unconfirmed never goes live, so this is a safeguard: nobody is emailed unconfirmed.
        if (!await contacts.IsConfirmedAsync(open.Submission.ContactEmail, cancellationToken))
        {
            logger.LogWarning("Access request for event {EventId} refused: its contact address is not confirmed", id);
            return Refuse(new Refusal(StatusCodes.Status409Conflict, "UnconfirmedTitle", "Unconfirmed"), isForm, id, language);
        }
        if (!await counts.TryCountAsync(id))
        {
            logger.LogWarning("Access request for event {EventId} refused: the event is over its ceiling of {Ceiling} a day", id, options.Value.PerEventPerDay);
            var refusalToday = new Refusal(StatusCodes.Status429TooManyRequests, "BusyTitle", "Busy");
            return new RetryTomorrow(time.GetUtcNow(), Refuse(refusalToday, isForm, id, language));
        }

        await SendAsync(open, accessRequest, Languages.Of(request), cancellationToken);
        return isForm
            ? new SeeOther(site.Value.Api(language.Localise($"events/{id}/access-requests/sent")))
            : Results.Json(new { message = Localised.Get<AccessRequestText>("SentMessage", language) },
                HubJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private async Task SendAsync(OpenEvent open, AccessRequest request, Language language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var requestId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(10));
        var details = open.Details;
        var emails = new List<Email.EmailMessage>
        {
            // The organiser reads it in the language they listed the event in; the person, in the language of the form they used.
            await AccessRequestEmails.ToOrganiserAsync(requestId, details, open.Submission.ContactEmail, request, now, open.Submission.ReplyLanguage),
        };
        if (request.Email is { } email)
        {
            if (await contacts.IsConfirmedAsync(email, cancellationToken))
            {
                // Confirmed is not proof the mailbox is the sender's: the copy repeats none of their words, one a day.
                if (await copies.TryClaimAsync(email, cancellationToken))
                {
                    emails.Add(await AccessRequestEmails.CopyToPersonAsync(requestId, details, email, Email.EmailWords.Link(site.Value, open.Summary.Url, language), request, now, language));
                }
            }
            else if (await contacts.TryClaimConfirmationAsync(email, withLink: false, cancellationToken) is not null)
            {
                // Not confirmed: fixed words, and at most one such email a day to the mailbox, whoever asks.
                emails.Add(await AccessRequestEmails.NoticeToPersonAsync(requestId, details, email, Email.EmailWords.Link(site.Value, open.Summary.Url, language), now, language));
            }
        }
        foreach (var message in emails)
        {
            // The messages are the only place the request exists; they expire rather than wait on the queue for days.
            await queues.SendAsync(Triggers.Queues.Email, message, cancellationToken, timeToLive: options.Value.QueueTimeToLive);
        }
        logger.LogInformation("Access request {RequestId} for event {EventId} queued as {EmailCount} emails", requestId, open.Submission.Id, emails.Count);
    }

    private sealed record OpenEvent(Submission Submission, EventDetails Details, PublishedEventSummary Summary);

    /// <summary>Why an event takes no request: the status, and the title and detail as keys in <see cref="AccessRequestText"/>.</summary>
    private sealed record Refusal(int Status, string Title, string Detail);

    /// <summary>
    /// The event when it takes requests now: its public page is up (the site index's live entry, whatever edit may be
    /// waiting for a moderator), it was not withdrawn or taken down meanwhile, and it has not ended; otherwise why not.
    /// What the pages and emails say of it comes from the published version; the organiser's name and address from
    /// the item.
    /// </summary>
    private async Task<(OpenEvent? Open, Refusal? Refusal)> FindOpenEventAsync(string id, Language language, CancellationToken cancellationToken)
    {
        var submission = SubmissionStore.IsId(id) ? await submissions.GetAsync(id, cancellationToken) : null;
        if (submission is not { Kind: "event" })
        {
            return (null, new Refusal(StatusCodes.Status404NotFound, "NotFoundTitle", "NotFound"));
        }
        if (submission.Status == SubmissionStatus.Withdrawn)
        {
            return (null, new Refusal(StatusCodes.Status410Gone, "CancelledTitle", "Cancelled"));
        }
        var entry = submission.Status == SubmissionStatus.TakenDown ? null : await index.GetAsync("event", id, cancellationToken);
        if (entry is not { Withdrawn: false, PublicJson: { } publicJson })
        {
            return (null, new Refusal(StatusCodes.Status404NotFound, "NotOnCalendarTitle", "NotOnCalendar"));
        }
        var published = HubJson.Deserialize<EventDetails>(publicJson);
        if (published.End <= time.GetUtcNow())
        {
            return (null, new Refusal(StatusCodes.Status410Gone, "EndedTitle", "Ended"));
        }
        var contact = HubJson.Deserialize<EventDetails>(submission.DetailsJson).Contact;
        return (new OpenEvent(submission, published with { Contact = contact }, PublishedEventSummary.Of(published, entry.Slug, site.Value, language)), null);
    }

    private IResult Refuse(Refusal refusal, bool isForm, string id, Language language) => isForm
        ? PrivateAnswer.Html(AccessRequestPages.Closed(site.Value, id, refusal.Title, refusal.Detail, language), refusal.Status)
        : Problems.Status(refusal.Status, Localised.Get<AccessRequestText>(refusal.Title, language), Localised.Get<AccessRequestText>(refusal.Detail, language));

    /// <summary>Adds <c>Retry-After</c> until the next UTC day, when the event's count starts again.</summary>
    private sealed class RetryTomorrow(DateTimeOffset now, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var tomorrow = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((tomorrow - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>303 See Other, so that the browser fetches the confirmation with GET and a refresh sends nothing again.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
