using System.ComponentModel.DataAnnotations;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>Settings for subscriptions: the key that hashes addresses, and the consent wording's version.</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>
    /// The HMAC key for address hashes (subscriber ids and the suppression list): at least 32 characters,
    /// from Key Vault or the environment. Changing it forgets who is suppressed.
    /// </summary>
    [Required(ErrorMessage = "Subscriptions:AddressHashKey is required (32 characters or more).")]
    [MinLength(32, ErrorMessage = "Subscriptions:AddressHashKey must be 32 characters or more.")]
    public string AddressHashKey { get; set; } = "";

    /// <summary>The version of the consent wording on the form; kept with each consent record.</summary>
    [Required]
    public string ConsentVersion { get; set; } = ConsentWording.Version;

    /// <summary>How long a confirmation link works.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The least time between two confirmation emails to one address.</summary>
    public TimeSpan ConfirmationInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>The words people agree to when they subscribe. Change the version whenever the words change.</summary>
public static class ConsentWording
{
    public const string Version = "2027-01";

    /// <summary>The wording itself, in the page's language (<c>ConsentText</c> in <c>SubscriptionText.resx</c>).</summary>
    public static string Text(Language language) => Rendering.Localised.Get<SubscriptionText>("ConsentText", language);
}
