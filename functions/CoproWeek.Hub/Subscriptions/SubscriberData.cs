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
            return LinkNotRight(site.Value, Languages.Of(request));
        }
        var export = new
        {
            email = subscriber.Email,
            status = subscriber.Status,
            frequency = subscriber.Frequency,
            regions = subscriber.RegionList,
            topics = subscriber.TopicList,
            language = subscriber.Language,
            pendingChoices = subscriber.PendingFrequency is null ? null : new
            {
                frequency = subscriber.PendingFrequency,
                regions = Subscriber.Split(subscriber.PendingRegions),
                topics = Subscriber.Split(subscriber.PendingTopics),
                language = subscriber.PendingLanguage,
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
        var language = Languages.Of(request);
        var subscriber = await store.FindByTokenAsync(request.Query["token"].ToString(), TokenPurposes.Preferences, now, cancellationToken);
        if (subscriber is null)
        {
            return LinkNotRight(site.Value, language);
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
        return Answer(site.Value, language, SignUpTwin(site.Value, language), new Pages.Notice(Words("ErasedTitle", language),
            [Words("Erased", language), Words("ErasedCode", language), Words("ErasedAgain", language)]));
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
