namespace CoproWeek.Hub.Contacts;

/// <summary>Settings for confirming the addresses of organisers and story writers.</summary>
public sealed class ContactOptions
{
    public const string Section = "Contacts";

    /// <summary>
    /// Whether a submission waits until its contact address is confirmed. On by default, and in production it must
    /// stay on: without it, anyone could make the hub email any address. Tests of other features switch it off.
    /// </summary>
    public bool RequireConfirmation { get; set; } = true;

    /// <summary>The least time between two confirmation emails to one mailbox, of any kind (organiser or subscriber).</summary>
    public TimeSpan ConfirmationInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a confirmation link works, and how long an unconfirmed submission is kept.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(7);
}
