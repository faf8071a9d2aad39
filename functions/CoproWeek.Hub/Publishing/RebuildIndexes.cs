using CoproWeek.Hub.Site;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Publishing;

/// <summary>
/// The indexes queue's handler: rebuilds the event lists, calendar, JSON, home page, the story list pages, the feeds and
/// the sitemap from the site index, and removes list pages the stories no longer fill. When the site was built by other
/// renderers (a new release, see <see cref="SiteBuild"/>), it also renders every live event's and story's own pages again
/// (<see cref="ItemPagesRebuild"/>) before recording the new build, so a failure part-way is retried in full.
/// </summary>
public sealed class RebuildIndexes(SiteIndex index, SiteWriter writer, EventPages pages, IndexRebuilds rebuilds, SiteBuild build, PublishedBodies bodies,
    Search.SearchCatalogueStore search, IOptions<SiteOptions> site, TimeProvider time, ILogger<RebuildIndexes> logger, Supporters.PublishedSupporters supporters,
    ItemPagesRebuild itemPages)
{
    public async Task HandleAsync(RebuildMessage message, CancellationToken cancellationToken)
    {
        await rebuilds.BeginAsync(cancellationToken);
        var builtBy = await build.BuiltByAsync(cancellationToken);
        var now = time.GetUtcNow();
        var events = await index.PublishedEventsAsync(cancellationToken);
        var posts = await index.PublishedPostsAsync(cancellationToken);
        var supporting = await supporters.ListAsync(cancellationToken);
        // The feeds carry the newest stories in full; search matches every story's words.
        var fullText = await bodies.ReadAsync(posts.Select(p => p.Id), cancellationToken);
        IReadOnlyList<SiteFile> files =
        [
            .. pages.IndexFiles(events, now, [.. PostSite.SitemapUrls(posts, site.Value), .. Supporters.SupporterSite.SitemapUrls(site.Value)],
                HomeFeatures.From(posts, supporting.Count), posts),
            .. PostSite.Indexes(posts, events, now, site.Value, fullText),
            .. Supporters.SupporterSite.Indexes(supporting, site.Value),
        ];
        await writer.WriteAllAsync(files, cancellationToken);
        foreach (var picture in Brand.BinaryFiles(site.Value))
        {
            await writer.WriteBinaryAsync(picture.Path, BinaryData.FromBytes(picture.Content), picture.ContentType, cancellationToken);
        }

        var written = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (await writer.ListAsync(PostPaths.PagesFolder, cancellationToken)).Where(p => !written.Contains(p)))
        {
            await writer.DeleteAsync(stale, cancellationToken);
        }
        await search.WriteAsync(Search.SearchCatalogue.From(events, posts, now, site.Value, fullText), cancellationToken);
        if (builtBy != build.Current)
        {
            logger.LogInformation("The site was built by renderers {BuiltBy}; re-rendering every event's and story's own pages with {Renderers}", builtBy ?? "(none recorded)", build.Current);
            await itemPages.RenderAsync(events, posts, fullText, cancellationToken);
        }
        await build.RecordAsync(now, cancellationToken);
        logger.LogInformation("Rebuilt the site's indexes: {Events} events, {Posts} stories, {Files} files", events.Count, posts.Count, files.Count);
    }
}
