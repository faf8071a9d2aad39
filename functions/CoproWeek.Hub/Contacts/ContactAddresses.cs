using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Contacts;

/// <summary>
/// Table <c>Contacts</c>: what the hub knows about a mailbox, never the address itself. Partition = the keyed hash
/// of the mailbox; row <c>address</c> says whether its owner has confirmed it and when it was last sent a
/// confirmation; rows <c>waiting-{id}</c> are the submissions that wait for that confirmation.
/// </summary>
public sealed class ContactAddresses(
    HubStorage storage,
    AddressHasher hasher,
    SubscriberStore subscribers,
    IOptions<ContactOptions> options,
    TimeProvider time)
{
    public const string ConfirmPurpose = "contact-confirm";
    internal const string AddressRow = "address";
    internal const string WaitingPrefix = "waiting-";

    // Confirmation is never taken back, so a host may remember the mailboxes it has seen confirmed. Bounded: when
    // full it starts again, which only costs a point read per mailbox.
    private readonly ConcurrentDictionary<string, bool> _confirmed = new(StringComparer.Ordinal);

    public TableClient Table => storage.Table(HubStorage.TableNames.Contacts);

    /// <summary>
    /// The mailbox an address reaches: lower case, and without a <c>+tag</c> in its local part, since
    /// <c>name+anything@example.org</c> reaches <c>name@example.org</c>'s owner.
    /// </summary>
    public static string Mailbox(string email)
    {
        var address = AddressHasher.Normalize(email);
        var at = address.LastIndexOf('@');
        var plus = at > 0 ? address.IndexOf('+', 0, at) : -1;
        return plus > 0 ? address[..plus] + address[at..] : address;
    }

    public string MailboxId(string email) => hasher.Hash("mailbox:" + Mailbox(email));

    /// <summary>Whether submissions from this address may go straight to the checks.</summary>
    public async Task<bool> IsConfirmedAsync(string email, CancellationToken cancellationToken)
    {
        if (!options.Value.RequireConfirmation)
        {
            return true;
        }
        var id = MailboxId(email);
        if (_confirmed.ContainsKey(id))
        {
            return true;
        }
        var row = await Table.GetRowAsync<MailboxRow>(id, AddressRow, cancellationToken, select: [nameof(MailboxRow.ConfirmedAt)]);
        var confirmed = row?.ConfirmedAt is not null;
        if (confirmed)
        {
            if (_confirmed.Count > 50_000)
            {
                _confirmed.Clear();
            }
            _confirmed[id] = true;
        }
        return confirmed;
    }

    /// <summary>Files a submission as waiting for its address. Written before the submission, so none waits unseen.</summary>
    public Task AddWaitingAsync(string email, string submissionId, string kind, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new WaitingRow(MailboxId(email), submissionId) { Kind = kind, Created = time.GetUtcNow() }.ToEntity(),
            TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Takes the mailbox's one confirmation email of the interval: null when one went out within it, or the address
    /// may not be emailed at all (bounced, reported as spam, erased); otherwise the link's token, whose hash is now
    /// kept with the mailbox (a newer link replaces an older one). Racing callers: one wins, the others get null.
    /// A subscription's confirmation takes the same slot <paramref name="withLink"/> false: it sends its own link.
    /// </summary>
    public async Task<string?> TryClaimConfirmationAsync(string email, bool withLink, CancellationToken cancellationToken)
    {
        if (await subscribers.BlocksEmailAsync(subscribers.IdOf(email), cancellationToken))
        {
            return null;
        }
        var id = MailboxId(email);
        var now = time.GetUtcNow();
        var settings = options.Value;
        var existing = await Table.GetRowAsync<MailboxRow>(id, AddressRow, cancellationToken);
        if (existing?.LastConfirmationSentAt is { } last && now - last < settings.ConfirmationInterval)
        {
            return null;
        }
        var token = Tokens.Create(ConfirmPurpose, "c." + id);
        var row = (existing ?? new MailboxRow(id)) with { LastConfirmationSentAt = now };
        if (withLink)
        {
            row = row with { ConfirmHash = token.Hash, ConfirmExpires = now + settings.ConfirmationLifetime };
        }
        try
        {
            if (existing is not null)
            {
                await Table.UpdateEntityAsync(row.ToEntity(), existing.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await Table.AddEntityAsync(row.ToEntity(), cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return null; // another request for this mailbox took the slot a moment ago
        }
        return withLink ? token.Token : "";
    }

    /// <summary>The mailbox a confirmation token was issued to, while the token is right and in date; else null.</summary>
    public async Task<MailboxRow?> FindByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        var locator = Tokens.Locator(token);
        if (locator is not { Length: 66 } || !locator.StartsWith("c.", StringComparison.Ordinal) || !locator[2..].All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var row = await Table.GetRowAsync<MailboxRow>(locator[2..], AddressRow, cancellationToken);
        return row?.ConfirmExpires > time.GetUtcNow() && Tokens.Verify(ConfirmPurpose, token, row.ConfirmHash) ? row : null;
    }

    /// <summary>
    /// Marks the mailbox confirmed (idempotent) and spends its link: the link's hash stays, out of date, so that opening
    /// it again can say the address is already confirmed instead of asking its owner to start over.
    /// </summary>
    public async Task MarkConfirmedAsync(string mailboxId, CancellationToken cancellationToken)
    {
        // Null columns are left out of the merge, so the spent link's hash stays beside its expiry.
        var now = time.GetUtcNow();
        await Table.UpsertEntityAsync(new MailboxRow(mailboxId) { ConfirmedAt = now, ConfirmExpires = now }.ToEntity(),
            TableUpdateMode.Merge, cancellationToken);
        _confirmed[mailboxId] = true;
    }

    /// <summary>Whether a confirmation link, spent or out of date, was issued to a mailbox that is now confirmed.</summary>
    public async Task<bool> IsConfirmedLinkAsync(string? token, CancellationToken cancellationToken)
    {
        var locator = Tokens.Locator(token);
        if (locator is not { Length: 66 } || !locator.StartsWith("c.", StringComparison.Ordinal) || !locator[2..].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }
        var row = await Table.GetRowAsync<MailboxRow>(locator[2..], AddressRow, cancellationToken);
        return row?.ConfirmedAt is not null && Tokens.Verify(ConfirmPurpose, token, row.ConfirmHash);
    }

    /// <summary>Marks the mailbox of an address confirmed, for a person who proved it another way (a subscription's link).</summary>
    public Task MarkConfirmedByAddressAsync(string email, CancellationToken cancellationToken) =>
        MarkConfirmedAsync(MailboxId(email), cancellationToken);

    /// <summary>The submissions waiting for one mailbox.</summary>
    public IAsyncEnumerable<WaitingRow> WaitingAsync(string mailboxId, CancellationToken cancellationToken) =>
        Table.QueryRowsAsync<WaitingRow>(
            TableClient.CreateQueryFilter($"PartitionKey eq {mailboxId} and RowKey gt {WaitingPrefix} and RowKey lt {"waiting."}"),
            cancellationToken);

    /// <summary>Every waiting row filed before <paramref name="before"/>, across mailboxes (the daily clean-up's scan).</summary>
    public IAsyncEnumerable<WaitingRow> WaitingSinceBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Table.QueryRowsAsync<WaitingRow>(
            TableClient.CreateQueryFilter($"RowKey gt {WaitingPrefix} and RowKey lt {"waiting."} and Created lt {before}"),
            cancellationToken);

    public async Task RemoveWaitingAsync(WaitingRow waiting, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(waiting.MailboxId, WaitingPrefix + waiting.SubmissionId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
        }
    }
}
