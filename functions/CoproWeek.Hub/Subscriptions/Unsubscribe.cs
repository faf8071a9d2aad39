using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CoproWeek.Hub.Subscriptions.Page;
using CoproWeek.Hub.Http;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The unsubscribe link from each digest. A POST (the button, or a mail client's RFC 8058 one-click POST)
/// stops the emails at once with no login; a GET only shows the button.
/// </summary>
public sealed class Unsubscribe(SubscriberStore store, IOptions<SiteOptions> site, TimeProvider time, ILogger<Unsubscribe> logger)
{
    private static readonly ButtonLink Link = new(TokenPurposes.Unsubscribe, Triggers.Routes.Unsubscribe, "UnsubscribeTitle", "UnsubscribeExplanation", "UnsubscribeButton");

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (subscriber, answer) = await OpenButtonLinkAsync(Link, store, site.Value, request, now, cancellationToken);
        if (subscriber is null)
        {
            return answer!;
        }
        await StopAsync(store, subscriber, now, cancellationToken);
        logger.LogInformation("Subscriber {SubscriberId} unsubscribed", subscriber.Id[..12]);
        return Stopped(site.Value, Languages.Of(request));
    }

    /// <summary>The page that says the emails have stopped.</summary>
    internal static IResult Stopped(SiteOptions site, Language language) =>
        Answer(site, language, SignUpTwin(site, language), new Pages.Notice(Words("StoppedTitle", language), [Words("Stopped", language)]));

    /// <summary>Marks the subscription stopped; later digest batches read the row and skip it.</summary>
    internal static async Task StopAsync(SubscriberStore store, Subscriber subscriber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (subscriber.Status is SubscriberStatus.Unsubscribed or SubscriberStatus.Suppressed)
        {
            return;
        }
        try
        {
            await store.Subscribers.UpdateEntityAsync(Subscriber.StatusChange(subscriber.Id, SubscriberStatus.Unsubscribed, now), ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            // Erased a moment ago: nothing left to stop.
        }
    }
}
