using System.ComponentModel.DataAnnotations;

namespace CoproWeek.Hub;

/// <summary>Where the hub lives, for the links it puts in pages and emails.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string Section = "Site";

    /// <summary>The public static site, e.g. the storage account's static website or a custom domain.</summary>
    [Required(ErrorMessage = "Site:PublicUrl is required.")]
    public string PublicUrl { get; set; } = "http://localhost:7071";

    /// <summary>The hub's API and its pages for organisers and moderators: the Function App's URL, or the self-host's.</summary>
    [Required(ErrorMessage = "Site:ApiUrl is required.")]
    public string ApiUrl { get; set; } = "http://localhost:7071";

    /// <summary>The route prefix from host.json (<c>extensions.http.routePrefix</c>).</summary>
    public string RoutePrefix { get; set; } = "api";

    /// <summary>The first day of Co-production Week, shown on the home page.</summary>
    public DateOnly WeekStarts { get; set; } = new(2027, 7, 5);

    /// <summary>
    /// <c>Moderation:EventsNeedAPerson</c> (default false): every event waits for a person, as stories do. Kept here, set
    /// from that setting, so every page and email can say what the hub does (see <c>Moderation.ModerationPromise</c>).
    /// </summary>
    public bool EventsNeedAPerson { get; internal set; }

    /// <summary>An absolute URL under the API, with the route prefix: <c>Api("events/1")</c>.</summary>
    public string Api(string path) => $"{ApiUrl.TrimEnd('/')}/{(RoutePrefix.Length == 0 ? "" : RoutePrefix + "/")}{path.TrimStart('/')}";

    public string Public(string path) => $"{PublicUrl.TrimEnd('/')}/{path.TrimStart('/')}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { ("Site:PublicUrl", PublicUrl), ("Site:ApiUrl", ApiUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult($"{name} must be an absolute http(s) URL, not '{value}'.", [name]);
            }
        }
    }
}
