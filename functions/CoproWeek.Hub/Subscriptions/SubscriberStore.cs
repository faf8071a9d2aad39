using System.Net;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>Reads and writes subscribers and the suppression list, and finds the subscriber a link's token belongs to.</summary>
public sealed class SubscriberStore(HubStorage storage, AddressHasher hasher)
{
    /// <summary>Subscriber tokens are <c>s.{subscriberId}~{secret}</c>; digest tokens (see Digests) start with <c>d.</c>.</summary>
    public const string SubscriberLocatorPrefix = "s.";

    public TableClient Subscribers => storage.Table(HubStorage.TableNames.Subscribers);
    public TableClient Suppression => storage.Table(HubStorage.TableNames.Suppression);
    public TableClient Ledger => storage.Table(HubStorage.TableNames.DigestLedger);

    public string IdOf(string email) => hasher.Hash(email);

    public Task<Subscriber?> GetAsync(string id, CancellationToken cancellationToken) =>
        Subscribers.GetRowAsync<Subscriber>(id, id, cancellationToken);

    /// <summary>The subscriber a token was issued to for <paramref name="purpose"/>, or null for any token that is not right.</summary>
    public async Task<Subscriber?> FindByTokenAsync(string? token, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var locator = Tokens.Locator(token);
        if (locator is null)
        {
            return null;
        }
        if (locator.StartsWith(SubscriberLocatorPrefix, StringComparison.Ordinal))
        {
            var subscriber = await GetSafelyAsync(locator[SubscriberLocatorPrefix.Length..], cancellationToken);
            var stored = purpose switch
            {
                TokenPurposes.Confirm when subscriber?.ConfirmExpires > now => subscriber.ConfirmHash,
                TokenPurposes.Preferences => subscriber?.PreferencesHash,
                _ => null,
            };
            // A spent confirmation link reached the same mailbox as the preferences link, so it opens the preferences too.
            return Tokens.Verify(purpose, token, stored)
                || (purpose == TokenPurposes.Preferences && Tokens.Verify(purpose, token, subscriber?.ConfirmedLinkHash)) ? subscriber : null;
        }
        if (DigestLinks.TryParseLocator(locator, out var partition, out var subscriberId) && purpose != TokenPurposes.Confirm)
        {
            var row = await Ledger.GetRowAsync<DigestLedgerEntry>(partition, subscriberId, cancellationToken);
            var stored = purpose == TokenPurposes.Unsubscribe ? row?.UnsubscribeHash : row?.PreferencesHash;
            return Tokens.Verify(purpose, token, stored) ? await GetSafelyAsync(subscriberId, cancellationToken) : null;
        }
        return null;
    }

    /// <summary>The subscriber a confirmation link was issued to when the link is right but out of date; null otherwise.</summary>
    public async Task<Subscriber?> FindByOutOfDateConfirmTokenAsync(string? token, CancellationToken cancellationToken)
    {
        var locator = Tokens.Locator(token);
        if (locator is null || !locator.StartsWith(SubscriberLocatorPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var subscriber = await GetSafelyAsync(locator[SubscriberLocatorPrefix.Length..], cancellationToken);
        return Tokens.Verify(TokenPurposes.Confirm, token, subscriber?.ConfirmHash) ? subscriber : null;
    }

    private async Task<Subscriber?> GetSafelyAsync(string id, CancellationToken cancellationToken)
    {
        // Ids are hex hashes; anything else cannot be a key and must not reach the table as one.
        if (id.Length != 64 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>
    /// Whether the address may not be sent even a confirmation: it bounced, was dropped, reported us as spam, or its
    /// owner erased it. An unsubscribe is not such a reason: that person may sign up again.
    /// </summary>
    public async Task<bool> BlocksEmailAsync(string id, CancellationToken cancellationToken)
    {
        var row = await Suppression.GetRowAsync<SuppressionRow>(id, id, cancellationToken, select: [nameof(SuppressionRow.Reason)]);
        return row is not null && row.Reason is not ("unsubscribe" or "group_unsubscribe");
    }

    public async Task<bool> IsSuppressedAsync(string id, CancellationToken cancellationToken) =>
        await Suppression.GetRowAsync<SuppressionRow>(id, id, cancellationToken, select: ["PartitionKey"]) is not null;

    /// <summary>Puts an address hash on the suppression list and stops any subscription it has.</summary>
    public async Task SuppressAsync(string id, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Suppression.UpsertEntityAsync(new SuppressionRow(id) { Reason = reason, At = now }.ToEntity(), TableUpdateMode.Replace, cancellationToken);
        try
        {
            await Subscribers.UpdateEntityAsync(
                Subscriber.StatusChange(id, SubscriberStatus.Suppressed, now), ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // No subscription for this address; the suppression row is enough.
        }
    }

    public async Task LiftSuppressionAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await Suppression.DeleteEntityAsync(id, id, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
        }
    }
}
