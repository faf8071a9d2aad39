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
        Task.FromResult(SubscribeFormPage.Answer(site.Value, Languages.Of(request), null, null));

    public Task<IResult> ShowThanksAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var language = Languages.Of(request);
        return Task.FromResult(Page.Answer(site.Value, language, Triggers.Routes.SubscriptionThanks, "", new Pages.Notice(Page.Words("ThanksTitle", language),
            [Page.Words("ThanksSent", language), Page.Words("ThanksPress", language), Page.Words("ThanksSpam", language)])));
    }

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var isForm = request.HasFormContentType;
        var language = Languages.Of(request);
        var limited = await limits.CountAsync(request, LimitedAction.SignUp);
        var (body, problem) = await SubscriptionChoices.ReadAsync(request, cancellationToken);
        if (limited is not null)
        {
            return isForm
                ? ClientLimits.WithSameWait(limited, SubscribeFormPage.Answer(site.Value, language, body, new Dictionary<string, string[]>
                {
                    ["limit"] = [Page.Words("ErrorLimit", language)],
                }, StatusCodes.Status429TooManyRequests))
                : limited;
        }
        if (body is null)
        {
            return problem!;
        }
        var errors = SubscriptionChoices.Validate(body, needEmail: true, language);
        if (errors.Count > 0)
        {
            return isForm
                ? SubscribeFormPage.Answer(site.Value, language, body, errors, StatusCodes.Status400BadRequest)
                : Problems.Validation(errors, language);
        }

        await RecordAsync(body, isForm ? SiteForm : Api, SubscriberLanguage.Of(body.Language ?? language.Code()), cancellationToken);

        return isForm
            ? new SeeOther(site.Value.Api(language.Localise(Triggers.Routes.SubscriptionThanks)))
            : Results.Json(new { message = Page.Words("AcceptedMessage", language) }, HubJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <param name="emailLanguage">The <see cref="SubscriberLanguage"/> asked for: a new subscriber's from the start, an existing one's once they confirm.</param>
    private async Task RecordAsync(SubscriptionRequest body, string form, string emailLanguage, CancellationToken cancellationToken)
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
            var row = (existing ?? new Subscriber
            {
                Id = id, CreatedAt = now, Status = SubscriberStatus.Pending, Frequency = body.Frequency!, Regions = regions, Topics = topics, Language = emailLanguage,
            }) with
            {
                Email = email,
                PendingFrequency = body.Frequency,
                PendingRegions = regions,
                PendingTopics = topics,
                PendingLanguage = emailLanguage,
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
            await queues.SendAsync(Triggers.Queues.Email, await ConfirmationEmail.CreateAsync(site.Value, email, confirm.Token, preferences.Token, now, SubscriberLanguage.Languages(row.ConfirmationLanguage)), cancellationToken);
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
