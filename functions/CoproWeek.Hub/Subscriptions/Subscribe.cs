using System.Net;
using Azure;
using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Limits;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// <c>POST /api/subscriptions</c>: records the choices and consent, and sends one confirmation email (double
/// opt-in) at most once an hour. The answer is the same whether or not the address is known.
/// </summary>
public sealed class Subscribe(
    SubscriberStore store,
    QueueSender queues,
    ClientLimits limits,
    ContactAddresses contacts,
    IOptions<SubscriptionOptions> options,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<Subscribe> logger)
{
    public const string SiteForm = "site-form";
    public const string Api = "api";

    public Task<IResult> ShowFormAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Page.Html(site.Value, SubscribeFormPage.Title, SubscribeFormPage.Body(site.Value, null, null)));

    public Task<IResult> ShowThanksAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Page.Html(site.Value, "Check your email",
            "<p>Thank you. If this address can get our emails, we have sent it a message.</p>" +
            "<p>Open the email and press the button to start getting news. The link works for 7 days.</p>" +
            "<p>No email? Look in your spam or junk folder.</p>"));

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var isForm = request.HasFormContentType;
        var limited = await limits.CountAsync(request, LimitedAction.SignUp);
        var (body, problem) = await SubscriptionChoices.ReadAsync(request, cancellationToken);
        if (limited is not null)
        {
            return isForm
                ? ClientLimits.WithSameWait(limited, Page.Html(site.Value, SubscribeFormPage.Title, SubscribeFormPage.Body(site.Value, body, new Dictionary<string, string[]>
                {
                    ["limit"] = ["There have been a lot of sign-ups from this connection in the last hour. Please try again in an hour."],
                }), StatusCodes.Status429TooManyRequests))
                : limited;
        }
        if (body is null)
        {
            return problem!;
        }
        var errors = SubscriptionChoices.Validate(body, needEmail: true);
        if (errors.Count > 0)
        {
            return isForm
                ? Page.Html(site.Value, SubscribeFormPage.Title, SubscribeFormPage.Body(site.Value, body, errors), StatusCodes.Status400BadRequest)
                : Problems.Validation(errors);
        }

        await RecordAsync(body, isForm ? SiteForm : Api, cancellationToken);

        return isForm
            ? new SeeOther(site.Value.Api(Triggers.Routes.SubscriptionThanks))
            : Results.Json(new { message = "Thank you. If this address can get our emails, we have sent it a link to confirm." },
                HubJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private async Task RecordAsync(SubscriptionRequest body, string form, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var email = body.Email!.Trim();
        var id = store.IdOf(email);
        var regions = Subscriber.Join((body.Regions ?? []).Distinct());
        var topics = Subscriber.Join((body.Topics ?? []).Distinct());

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await store.GetAsync(id, cancellationToken);
            if (existing?.LastConfirmationSentAt is { } last && now - last < settings.ConfirmationInterval)
            {
                logger.LogInformation("Sign-up for subscriber {SubscriberId} within the confirmation interval; no email sent", id[..12]);
                return;
            }
            var confirm = Tokens.Create(TokenPurposes.Confirm, SubscriberStore.SubscriberLocatorPrefix + id);
            var preferences = Tokens.Create(TokenPurposes.Preferences, SubscriberStore.SubscriberLocatorPrefix + id);
            var row = (existing ?? new Subscriber { Id = id, CreatedAt = now, Status = SubscriberStatus.Pending, Frequency = body.Frequency!, Regions = regions, Topics = topics }) with
            {
                Email = email,
                PendingFrequency = body.Frequency,
                PendingRegions = regions,
                PendingTopics = topics,
                ConfirmHash = confirm.Hash,
                ConfirmExpires = now + settings.ConfirmationLifetime,
                PreferencesHash = preferences.Hash,
                LastConfirmationSentAt = now,
                ConsentAt = now,
                ConsentVersion = settings.ConsentVersion,
                ConsentForm = form,
            };
            try
            {
                if (existing is null)
                {
                    await store.Subscribers.AddEntityAsync(row.ToEntity(), cancellationToken);
                }
                else
                {
                    await store.Subscribers.UpdateEntityAsync(row.ToEntity(), existing.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
                }
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                continue; // Another sign-up for the same address got there first; look again.
            }
            // One confirmation a day per mailbox, whatever asks for it (sign-ups with +tags, submissions), and none
            // to an address that bounced, reported us or was erased.
            if (await contacts.TryClaimConfirmationAsync(email, withLink: false, cancellationToken) is null)
            {
                logger.LogInformation("Sign-up for subscriber {SubscriberId}: no confirmation email (one went out within the day, or the address is suppressed)", id[..12]);
                return;
            }
            await queues.SendAsync(Triggers.Queues.Email, await ConfirmationEmail.CreateAsync(site.Value, email, confirm.Token, preferences.Token, now, SubscriberLanguage.Languages(row.Language)), cancellationToken);
            logger.LogInformation("Confirmation email queued for subscriber {SubscriberId}", id[..12]);
            return;
        }
    }

    /// <summary>303 See Other, so that the browser fetches the thanks page with GET.</summary>
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
