using Azure;
using Azure.Storage.Blobs;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Publishing;

/// <summary>
/// Which renderers built the site. Every full rebuild records their version in a small private blob; a host starting
/// compares it with its own and asks for a rebuild only when they differ (a new release) or nothing is recorded (a new
/// storage account, or a site last built before versions were recorded). Instances that start often rebuild nothing.
/// </summary>
public sealed class SiteBuild(HubStorage storage, Microsoft.Extensions.Options.IOptions<SiteOptions> site)
{
    /// <summary>
    /// The renderers' version: the hub assembly's module version id. The build is deterministic, so it changes exactly
    /// when the hub's code changes (its pages, layouts and renderers with it, and the libraries it references), and a
    /// release that changes nothing rebuilds nothing.
    /// </summary>
    public static string RenderersVersion { get; } = typeof(SiteBuild).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>
    /// What this host's build is recorded as: the renderers' version, and the settings whose words are on static pages
    /// (<c>Moderation:EventsNeedAPerson</c>, on the submit-event form and its thanks page), so flipping one rebuilds the site
    /// at the next start. With every such setting at its default it is the renderers' version alone.
    /// </summary>
    public string Current => site.Value.EventsNeedAPerson ? RenderersVersion + "+events-need-a-person" : RenderersVersion;

    private const string BlobName = "site-build.json";

    private BlobClient Blob => storage.Container(HubStorage.ContainerNames.Hosts).GetBlobClient(BlobName);

    /// <summary>The renderers' version that last built the site, or null if none is recorded.</summary>
    public async Task<string?> BuiltByAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await Blob.DownloadContentAsync(cancellationToken);
            return HubJson.Deserialize<Record>(content.Value.Content).Renderers;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Records that this host's renderers, under its settings, have just built the site (as <see cref="Current"/>).</summary>
    public Task RecordAsync(DateTimeOffset builtAt, CancellationToken cancellationToken) =>
        Blob.UploadAsync(BinaryData.FromString(HubJson.Serialize(new Record(Current, builtAt))), overwrite: true, cancellationToken);

    private sealed record Record(string Renderers, DateTimeOffset BuiltAt);
}
