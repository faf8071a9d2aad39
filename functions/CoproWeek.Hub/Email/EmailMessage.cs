namespace CoproWeek.Hub.Email;

/// <summary>
/// One email the hub sends: a receipt, a decision, a confirmation. Put on the email queue and sent by
/// <see cref="SendEmail"/>; the id makes a redelivered message send nothing twice.
/// </summary>
public sealed record EmailMessage(
    string Id,
    string To,
    string Subject,
    string Html,
    string Text,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? Category = null);
