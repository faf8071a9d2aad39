using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Publishing;

/// <summary>What a release's re-render of the items' own pages did.</summary>
public sealed record ItemPagesRebuilt(int Events, int Stories, int StoriesWithoutBody, int Files);

/// <summary>
/// A release's part of the start-up rebuild: every live event's and story's own pages (<c>events/{slug}/</c>,
/// <c>posts/{slug}/</c>) rendered again in both languages, so they take the new layout and a site published before Welsh
/// gains its Welsh twins. Stories are rendered from the safe HTML kept when they were published (<see cref="PublishedBodies"/>),
/// never from Markdown. A few items at a time, each written before the next is rendered, so no more than a handful of pages
/// are ever in memory; writing the same page again changes nothing, so a retry after a failure is harmless. Withdrawn and
/// taken-down items are not in the lists it is given, so their pages (gone pages included) are left as they are.
/// </summary>
public sealed class ItemPagesRebuild(SiteWriter writer, PublishedBodies bodies, IOptions<SiteOptions> site, ILogger<ItemPagesRebuild> logger)
{
    /// <summary>How many items are rendered and written at once.</summary>
    public const int Parallelism = 8;

    /// <param name="fullText">The stories' safe English HTML by id, as the rebuild has already read it for the feeds.</param>
    public async Task<ItemPagesRebuilt> RenderAsync(IReadOnlyList<PublishedEvent> events, IReadOnlyList<PublishedPost> posts,
        IReadOnlyDictionary<string, string> fullText, CancellationToken cancellationToken)
    {
        var options = site.Value;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        var files = 0;
        await Parallel.ForEachAsync(events, parallel, async (item, ct) =>
        {
            var written = EventSite.EventFiles(item, options);
            await writer.WriteAllAsync(written, ct);
            Interlocked.Add(ref files, written.Count);
        });

        var live = events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var withoutBody = 0;
        await Parallel.ForEachAsync(posts, parallel, async (item, ct) =>
        {
            if (!fullText.TryGetValue(item.Id, out var safeBody))
            {
                // Published before bodies were kept: its page stays as published until the story is published again.
                Interlocked.Increment(ref withoutBody);
                return;
            }
            var safeWelshBody = await bodies.ReadWelshAsync(item.Id, ct);
            var related = item.Post.RelatedEventId is { } eventId && live.TryGetValue(eventId, out var e) ? RelatedEvent.Of(e.Details, e.Slug, options) : null;
            foreach (var language in Languages.All)
            {
                var html = PostPage.Render(item, safeBody, related, options, modified: null, language, safeWelshBody);
                await writer.WriteAsync(new SiteFile(language.Localise(PostPaths.Page(item.Slug)), EventSite.HtmlType, html), ct);
                Interlocked.Increment(ref files);
            }
        });

        var result = new ItemPagesRebuilt(events.Count, posts.Count - withoutBody, withoutBody, files);
        logger.LogInformation("Re-rendered the items' own pages for a new release: {Events} events, {Stories} stories, {Files} files; {WithoutBody} stories kept as published (no stored body)",
            result.Events, result.Stories, result.Files, result.StoriesWithoutBody);
        return result;
    }
}
