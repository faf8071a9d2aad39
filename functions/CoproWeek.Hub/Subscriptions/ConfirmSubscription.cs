using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Contacts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CoproWeek.Hub.Subscriptions.Page;
using CoproWeek.Hub.Http;

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
    private static readonly ButtonLink Link = new(TokenPurposes.Confirm, Triggers.Routes.ConfirmSubscription, "Confirm your emails",
        "Press the button to start getting emails from Co-production Week.", "Yes, send me emails");

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = request.Query["token"].ToString();
        if (await store.FindByTokenAsync(token, TokenPurposes.Preferences, now, cancellationToken) is { } confirmed)
        {
            return AlreadyConfirmed(confirmed, token);
        }
        if (await store.FindByTokenAsync(token, TokenPurposes.Confirm, now, cancellationToken) is null
            && await store.FindByOutOfDateConfirmTokenAsync(token, cancellationToken) is { Status: SubscriberStatus.Active } subscribed)
        {
            // A newer sign-up's link ran out: the choices it asked for are not applied, but the person is still subscribed.
            return Html(site.Value, "You are already subscribed",
                "<p>This link is more than 7 days old, so the new choices it was for have not been made. You are still getting our emails " +
                (subscribed.Frequency == "daily" ? "each day there is news" : "once a week") + ", as before.</p>" +
                "<p>To change what you get, use the \"Change what you get\" link in any email from us.</p>");
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
            PendingFrequency = null, PendingRegions = null, PendingTopics = null,
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
            return LinkNotRight(site.Value); // Confirmed (or changed) a moment ago by another request; the token is spent.
        }
        await store.LiftSuppressionAsync(subscriber.Id, cancellationToken);
        // The person has shown they hold this mailbox: what they send as an organiser or writer need not wait for a second email.
        await contacts.MarkConfirmedByAddressAsync(subscriber.Email, cancellationToken);
        await confirmContact.ReleaseWaitingAsync(contacts.MailboxId(subscriber.Email), cancellationToken);
        logger.LogInformation("Subscriber {SubscriberId} confirmed", subscriber.Id[..12]);

        return Html(site.Value, "You are signed up",
            "<p>Thank you. We will email you " + (subscriber.Frequency == "daily" ? "each day" : "once a week") + " when there is news for you.</p>" +
            "<p>Every email has a link to change your choices or stop the emails.</p>");
    }

    /// <summary>The link was opened before and did its work: say where the person stands, never "sign up again" to a subscriber.</summary>
    private IResult AlreadyConfirmed(Subscriber subscriber, string token)
    {
        var preferences = site.Value.Api(Triggers.Routes.SubscriptionPreferences) + "?token=" + Uri.EscapeDataString(token);
        return subscriber.Status == SubscriberStatus.Active
            ? Html(site.Value, "You are already subscribed",
                "<p>You confirmed this link before, so you are getting our emails " + (subscriber.Frequency == "daily" ? "each day there is news" : "once a week") + ".</p>" +
                "<p><a href=\"" + E(preferences) + "\">Change what you get, or download or delete your information</a></p>")
            : Html(site.Value, "You confirmed this link before",
                "<p>You have stopped our emails since. If you would like them again, <a href=\"" + E(site.Value.Public("subscribe/")) + "\">sign up</a>.</p>");
    }
}
