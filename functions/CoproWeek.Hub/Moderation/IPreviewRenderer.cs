using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// Shows a moderator an item as it will look when published. One renderer per kind, registered with
/// <c>services.AddSingleton&lt;IPreviewRenderer, ...&gt;()</c>; a kind with none is shown as its details alone.
/// </summary>
public interface IPreviewRenderer
{
    /// <summary>The submission kind this renders (<c>event</c>, <c>post</c>).</summary>
    string Kind { get; }

    /// <summary>The whole page the public will see, as HTML.</summary>
    Task<string> RenderAsync(Submission submission, CancellationToken cancellationToken);
}

/// <summary>An event's page exactly as the publisher will write it, without the organiser's private contact.</summary>
public sealed class EventPreview(IOptions<SiteOptions> site, TimeProvider time) : IPreviewRenderer
{
    public string Kind => "event";

    public Task<string> RenderAsync(Submission submission, CancellationToken cancellationToken)
    {
        var details = HubJson.Deserialize<EventDetails>(submission.DetailsJson) with { Contact = new Contact() };
        var published = new PublishedEvent(submission.Id, submission.Slug, submission.Version, details, time.GetUtcNow());
        return Task.FromResult(EventPage.Render(published, site.Value));
    }
}

/// <summary>Finds the renderer for an item's kind.</summary>
public sealed class Previews(IEnumerable<IPreviewRenderer> renderers)
{
    private readonly Dictionary<string, IPreviewRenderer> _byKind = renderers.ToDictionary(r => r.Kind, StringComparer.Ordinal);

    /// <summary>The preview page, or null while no renderer exists for the kind.</summary>
    public async Task<string?> RenderAsync(Submission submission, CancellationToken cancellationToken) =>
        _byKind.TryGetValue(submission.Kind, out var renderer) ? await renderer.RenderAsync(submission, cancellationToken) : null;
}
