using System.ComponentModel.DataAnnotations;

namespace CoproWeek.Hub.Email;

/// <summary>SendGrid settings. With no <see cref="ApiKey"/> every email lands in the outbox container instead.</summary>
public sealed class SendGridOptions : IValidatableObject
{
    public const string Section = "SendGrid";

    /// <summary>The SendGrid API key. Keep it in user secrets, the environment or Key Vault, never in a file in git.</summary>
    public string? ApiKey { get; set; }

    [EmailAddress(ErrorMessage = "SendGrid:FromEmail must be an email address.")]
    public string FromEmail { get; set; } = "hello@coproductionweek.example";

    [Required(ErrorMessage = "SendGrid:FromName is required.")]
    public string FromName { get; set; } = "Co-production Week";

    /// <summary>Another base URL for the SendGrid API, such as a local fake in tests.</summary>
    public string? Host { get; set; }

    /// <summary>The public key SendGrid signs its event webhook with (base64, from the SendGrid settings page).</summary>
    public string? WebhookVerificationKey { get; set; }

    /// <summary>The longest wait the sender accepts for a SendGrid rate limit before handing the message back to the queue.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How old a "sending" claim in the email ledger must be before another delivery takes it for one whose host
    /// stopped (and marks the email uncertain). A claim is renewed after each rate-limit wait, so it must exceed
    /// <see cref="MaxRateLimitWait"/> plus one SendGrid call.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Host is not null && (!Uri.TryCreate(Host, UriKind.Absolute, out var host) || host.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("SendGrid:Host must be an absolute http(s) URL.", [nameof(Host)]);
        }
        if (ClaimTimeout <= MaxRateLimitWait)
        {
            yield return new ValidationResult("SendGrid:ClaimTimeout must be longer than SendGrid:MaxRateLimitWait.", [nameof(ClaimTimeout)]);
        }
    }
}
