using Azure;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CoproWeek.Hub.Subscriptions.Page;
using CoproWeek.Hub.Http;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>A subscriber's data rights: download everything we hold (JSON), or erase it, leaving only a keyed hash on the suppression list.</summary>
public sealed class SubscriberData(SubscriberStore store, IOptions<SiteOptions> site, TimeProvider time, ILogger<SubscriberData> logger)
{
    public Task<IResult> ExportAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerExportAsync(request, cancellationToken));

    private async Task<IResult> AnswerExportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var subscriber = await store.FindByTokenAsync(request.Query["token"].ToString(), TokenPurposes.Preferences, time.GetUtcNow(), cancellationToken);
        if (subscriber is null)
        {
            return LinkNotRight(site.Value);
        }
        var export = new
        {
            email = subscriber.Email,
            status = subscriber.Status,
            frequency = subscriber.Frequency,
            regions = subscriber.RegionList,
            topics = subscriber.TopicList,
            pendingChoices = subscriber.PendingFrequency is null ? null : new
            {
                frequency = subscriber.PendingFrequency,
                regions = Subscriber.Split(subscriber.PendingRegions),
                topics = Subscriber.Split(subscriber.PendingTopics),
            },
            signedUpAt = subscriber.CreatedAt,
            confirmedAt = subscriber.ConfirmedAt,
            unsubscribedAt = subscriber.UnsubscribedAt,
            lastConfirmationEmailAt = subscriber.LastConfirmationSentAt,
            consent = new { at = subscriber.ConsentAt, wordingVersion = subscriber.ConsentVersion, form = subscriber.ConsentForm },
        };
        return new Download(BinaryData.FromString(HubJson.Serialize(export)));
    }

    public Task<IResult> EraseAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerEraseAsync(request, cancellationToken));

    private async Task<IResult> AnswerEraseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var subscriber = await store.FindByTokenAsync(request.Query["token"].ToString(), TokenPurposes.Preferences, now, cancellationToken);
        if (subscriber is null)
        {
            return LinkNotRight(site.Value);
        }
        // Suppress first: if the delete then fails, the address is still never mailed.
        await store.SuppressAsync(subscriber.Id, "erased", now, cancellationToken);
        try
        {
            await store.Subscribers.DeleteEntityAsync(subscriber.Id, subscriber.Id, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
        }
        logger.LogInformation("Subscriber {SubscriberId} erased; address hash kept on the suppression list", subscriber.Id[..12]);
        return Html(site.Value, "We have deleted your information",
            "<p>We have deleted your email address and your choices. We will not email you again.</p>" +
            "<p>We keep only a coded form of the address that cannot be turned back into it, on our do-not-email list, so that nobody can sign you up again.</p>" +
            "<p>That also means signing up again with this address will not work. If you want our emails again one day, ask the Co-production Week team.</p>");
    }

    private sealed class Download(BinaryData json) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = "attachment; filename=\"coproweek-my-data.json\"";
            await httpContext.Response.Body.WriteAsync(json.ToMemory());
        }
    }
}
