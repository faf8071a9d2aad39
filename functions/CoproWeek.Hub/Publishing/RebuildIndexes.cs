using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Publishing;

/// <summary>The indexes queue's handler: rebuilds the event lists, calendar, JSON, sitemap and home page from the site index.</summary>
public sealed class RebuildIndexes(SiteIndex index, SiteWriter writer, EventPages pages, IndexRebuilds rebuilds, TimeProvider time, ILogger<RebuildIndexes> logger)
{
    public async Task HandleAsync(RebuildMessage message, CancellationToken cancellationToken)
    {
        await rebuilds.BeginAsync(cancellationToken);
        var events = await index.PublishedEventsAsync(cancellationToken);
        var files = pages.IndexFiles(events, time.GetUtcNow());
        await writer.WriteAllAsync(files, cancellationToken);
        logger.LogInformation("Rebuilt the site's indexes: {Events} events, {Files} files", events.Count, files.Count);
    }
}
