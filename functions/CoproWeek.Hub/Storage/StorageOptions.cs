using System.ComponentModel.DataAnnotations;

namespace CoproWeek.Hub.Storage;

/// <summary>How the hub names its storage. The prefix lets tests and benchmarks share one account without seeing each other's data.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Lower-case letters and digits put before every table, queue and container name. Empty in production.</summary>
    [RegularExpression("^[a-z0-9]{0,20}$", ErrorMessage = "Storage:Prefix must be up to 20 lower-case letters or digits.")]
    public string Prefix { get; set; } = "";

    /// <summary>The container holding the public static site. Azure's static website feature serves <c>$web</c>.</summary>
    [Required]
    public string SiteContainer { get; set; } = "$web";

    /// <summary>base64 (the Functions default) or none. Must match the queues extension setting in host.json.</summary>
    [RegularExpression("^(?i)(base64|none)$", ErrorMessage = "AzureFunctionsJobHost:extensions:queues:messageEncoding must be base64 or none.")]
    public string MessageEncoding { get; set; } = "base64";
}
