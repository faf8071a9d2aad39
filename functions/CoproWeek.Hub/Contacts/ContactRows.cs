using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Contacts;

/// <summary>
/// A mailbox's row in table <c>Contacts</c> (partition the mailbox's keyed hash, row key <c>address</c>): whether its
/// owner confirmed it, when it was last sent a confirmation, and the hash of the newest confirmation link.
/// </summary>
public sealed record MailboxRow(string MailboxId) : ITableRow<MailboxRow>
{
    public DateTimeOffset? ConfirmedAt { get; init; }
    public DateTimeOffset? LastConfirmationSentAt { get; init; }
    /// <summary>The newest link's hash, kept once the link is spent (its expiry then says so), so a link opened again can say the address is confirmed.</summary>
    public string? ConfirmHash { get; init; }
    public DateTimeOffset? ConfirmExpires { get; init; }
    public ETag ETag { get; init; }

    public TableEntity ToEntity() => new TableEntity(MailboxId, ContactAddresses.AddressRow).With(
        (nameof(ConfirmedAt), ConfirmedAt), (nameof(LastConfirmationSentAt), LastConfirmationSentAt),
        (nameof(ConfirmHash), ConfirmHash), (nameof(ConfirmExpires), ConfirmExpires));

    public static MailboxRow FromEntity(TableEntity e) => new(e.PartitionKey ?? "")
    {
        ConfirmedAt = e.GetDateTimeOffset(nameof(ConfirmedAt)),
        LastConfirmationSentAt = e.GetDateTimeOffset(nameof(LastConfirmationSentAt)),
        ConfirmHash = e.GetString(nameof(ConfirmHash)),
        ConfirmExpires = e.GetDateTimeOffset(nameof(ConfirmExpires)),
        ETag = e.ETag,
    };
}

/// <summary>A submission waiting for its mailbox's confirmation, in table <c>Contacts</c> (row key <c>waiting-{submission id}</c>).</summary>
public sealed record WaitingRow(string MailboxId, string SubmissionId) : ITableRow<WaitingRow>
{
    public string? Kind { get; init; }
    public DateTimeOffset? Created { get; init; }

    public TableEntity ToEntity() => new TableEntity(MailboxId, ContactAddresses.WaitingPrefix + SubmissionId).With(
        (nameof(Kind), Kind), (nameof(Created), Created));

    public static WaitingRow FromEntity(TableEntity e) => new(e.PartitionKey ?? "", (e.RowKey ?? "")[ContactAddresses.WaitingPrefix.Length..])
    {
        Kind = e.GetString(nameof(Kind)),
        Created = e.GetDateTimeOffset(nameof(Created)),
    };
}
