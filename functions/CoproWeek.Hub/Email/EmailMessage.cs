namespace CoproWeek.Hub.Email;

/// <summary>
/// One email the hub sends: a receipt, a decision, a confirmation. Put on the email queue and sent by
/// <see cref="SendEmail"/>; the id makes a redelivered message send nothing twice.
/// </summary>
/// <param name="ReplyTo">Where the reader's reply goes, when not to the hub (an access request: the person asking).</param>
/// <param name="Sensitive">
/// The email holds special-category data (an access request): no copy is kept anywhere, so it is never moved to the
/// poison queue by the sender, and the outbox keeps its words only in Development.
/// </param>
public sealed record EmailMessage(
    string Id,
    string To,
    string Subject,
    string Html,
    string Text,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? Category = null,
    string? ReplyTo = null,
    bool Sensitive = false);
