using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Contacts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CoproWeek.Hub.Subscriptions.Page;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Subscriptions.Pages;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>
/// The confirmation link. GET only shows a button, so mail scanners that follow links confirm nobody;
/// the button's POST applies the choices, starts the subscription and lifts any suppression.
/// </summary>
public sealed class ConfirmSubscription(
    SubscriberStore store,
    ContactAddresses contacts,
    ConfirmContact confirmContact,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<ConfirmSubscription> logger)
{
    private static readonly ButtonLink Link = new(TokenPurposes.Confirm, Triggers.Routes.ConfirmSubscription, "ConfirmTitle", "ConfirmExplanation", "ConfirmButton");

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var language = Languages.Of(request);
        var token = request.Query["token"].ToString();
        if (await store.FindByTokenAsync(token, TokenPurposes.Preferences, now, cancellationToken) is { } confirmed)
        {
            return AlreadyConfirmed(confirmed, token, language);
        }
        if (await store.FindByTokenAsync(token, TokenPurposes.Confirm, now, cancellationToken) is null
            && await store.FindByOutOfDateConfirmTokenAsync(token, cancellationToken) is { Status: SubscriberStatus.Active } subscribed)
        {
            // A newer sign-up's link ran out: the choices it asked for are not applied, but the person is still subscribed.
            return Answer(site.Value, language, Triggers.Routes.ConfirmSubscription, TokenQuery(token), new Notice(Words("AlreadyTitle", language),
                [Words(subscribed.Frequency == "daily" ? "OldLinkDaily" : "OldLinkWeekly", language), Words("OldLinkChange", language)]));
        }
        var (subscriber, answer) = await OpenButtonLinkAsync(Link, store, site.Value, request, now, cancellationToken);
        if (subscriber is null)
        {
            return answer!;
        }

        subscriber = subscriber with
        {
            Frequency = subscriber.PendingFrequency ?? subscriber.Frequency,
            Regions = subscriber.PendingRegions ?? subscriber.Regions,
            Topics = subscriber.PendingTopics ?? subscriber.Topics,
            Language = subscriber.ConfirmationLanguage,
            PendingFrequency = null, PendingRegions = null, PendingTopics = null, PendingLanguage = null,
            Status = SubscriberStatus.Active,
            ConfirmHash = null,
            ConfirmedLinkHash = Security.Tokens.Hash(TokenPurposes.Preferences, token),
            ConfirmExpires = null,
            ConfirmedAt = now,
            UnsubscribedAt = null,
        };
        try
        {
            await store.Subscribers.UpdateEntityAsync(subscriber.ToEntity(), subscriber.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status412PreconditionFailed)
        {
            return LinkNotRight(site.Value, language); // Confirmed (or changed) a moment ago by another request; the token is spent.
        }
        await store.LiftSuppressionAsync(subscriber.Id, cancellationToken);
        // The person has shown they hold this mailbox: what they send as an organiser or writer need not wait for a second email.
        await contacts.MarkConfirmedByAddressAsync(subscriber.Email, cancellationToken);
        await confirmContact.ReleaseWaitingAsync(contacts.MailboxId(subscriber.Email), cancellationToken);
        logger.LogInformation("Subscriber {SubscriberId} confirmed", subscriber.Id[..12]);

        return Answer(site.Value, language, Triggers.Routes.ConfirmSubscription, TokenQuery(token), new Notice(Words("SignedUpTitle", language),
            [Words(subscriber.Frequency == "daily" ? "SignedUpDaily" : "SignedUpWeekly", language), Words("EveryEmailHasLink", language)]));
    }

    /// <summary>The link was opened before and did its work: say where the person stands, never "sign up again" to a subscriber.</summary>
    private IResult AlreadyConfirmed(Subscriber subscriber, string token, Language language)
    {
        var preferences = site.Value.Api(language.Localise(Triggers.Routes.SubscriptionPreferences)) + TokenQuery(token);
        return Answer(site.Value, language, Triggers.Routes.ConfirmSubscription, TokenQuery(token), subscriber.Status == SubscriberStatus.Active
            ? new Notice(Words("AlreadyTitle", language), [Words(subscriber.Frequency == "daily" ? "AlreadyDaily" : "AlreadyWeekly", language)],
                Link: new NoticeLink(preferences, Words("ChangeWhatYouGet", language)))
            : new Notice(Words("ConfirmedBeforeTitle", language), [Words("StoppedSince", language)],
                Link: new NoticeLink(site.Value.Public(language.Localise(SubscribeFormPage.Folder)), Words("SignUpAgain", language))));
    }
}
