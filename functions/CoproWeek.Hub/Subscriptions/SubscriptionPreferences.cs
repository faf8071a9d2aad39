using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CoproWeek.Hub.Subscriptions.Page;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The preferences page every email links to: change how often and what about, stop the emails,
/// download what we hold (JSON), or erase it (export and erase live in <see cref="SubscriberData"/>).
/// </summary>
public sealed class SubscriptionPreferences(SubscriberStore store, IOptions<SiteOptions> site, TimeProvider time, ILogger<SubscriptionPreferences> logger)
{
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = request.Query["token"].ToString();
        var language = Languages.Of(request);
        var now = time.GetUtcNow();
        var subscriber = await store.FindByTokenAsync(token, TokenPurposes.Preferences, now, cancellationToken);
        if (subscriber is null)
        {
            return request.HasFormContentType || !HttpMethods.IsPost(request.Method) ? LinkNotRight(site.Value, language) : Problems.NotFound();
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            return PreferencesPage.Answer(site.Value, language, subscriber, token, null, null, notice: null);
        }

        var (body, problem) = await SubscriptionChoices.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }
        if (request.HasFormContentType && body.Action == "unsubscribe")
        {
            await Unsubscribe.StopAsync(store, subscriber, now, cancellationToken);
            logger.LogInformation("Subscriber {SubscriberId} unsubscribed from the preferences page", subscriber.Id[..12]);
            return Unsubscribe.Stopped(site.Value, language);
        }

        var errors = SubscriptionChoices.Validate(body, needEmail: false, language);
        if (errors.Count > 0)
        {
            return request.HasFormContentType
                ? PreferencesPage.Answer(site.Value, language, subscriber, token, body, errors, notice: null, StatusCodes.Status400BadRequest)
                : Problems.Validation(errors);
        }

        var changed = subscriber with
        {
            Frequency = body.Frequency!,
            Regions = Subscriber.Join((body.Regions ?? []).Distinct()),
            Topics = Subscriber.Join((body.Topics ?? []).Distinct()),
            // A program that does not know about languages keeps the subscriber's own.
            Language = body.Language is null ? subscriber.Language : SubscriberLanguage.Of(body.Language),
        };
        try
        {
            await store.Subscribers.UpdateEntityAsync(Subscriber.ChoicesChange(changed.Id, changed.Frequency, changed.Regions, changed.Topics, changed.Language),
                subscriber.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is StatusCodes.Status412PreconditionFailed or StatusCodes.Status404NotFound)
        {
            return Problems.Status(StatusCodes.Status409Conflict, Words("ChangedElsewhereTitle", language), Words("ChangedElsewhere", language));
        }
        logger.LogInformation("Subscriber {SubscriberId} changed their choices", subscriber.Id[..12]);
        if (!request.HasFormContentType)
        {
            return Results.Json(new { frequency = body.Frequency, regions = body.Regions ?? [], topics = body.Topics ?? [], language = changed.Language }, HubJson.Options);
        }
        return PreferencesPage.Answer(site.Value, language, changed, token, null, null, Words("Saved", language));
    }
}
