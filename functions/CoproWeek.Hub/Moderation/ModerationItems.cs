using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Moderation;

/// <summary>An earlier version of an item, as it was when it was decided.</summary>
public sealed record EarlierVersion(int Version, string Decision, IReadOnlyList<ItemField> Fields);

/// <summary>Everything a moderator sees of one item, on the page and in the API alike.</summary>
public sealed record ItemView(
    Submission Item,
    string Title,
    IReadOnlyList<ItemField> Fields,
    /// <summary>The item as it will be published (the real renderer's article), or null for a kind with no preview.</summary>
    string? PreviewArticle,
    IReadOnlyList<string> PictureUrls,
    IReadOnlyList<EarlierVersion> EarlierVersions,
    /// <summary>The version the last decision was about, before this one; null if none was.</summary>
    int? LastDecidedVersion,
    IReadOnlyList<FieldChange> ChangesSinceLastDecision,
    IReadOnlyList<LogEntry> History,
    IReadOnlyList<string> Actions);

/// <summary>Gathers an item's <see cref="ItemView"/>: fields in the form's words, preview, earlier versions, changes and history.</summary>
public sealed class ModerationItems(ItemFields fields, ModerationLog log, Previews previews, TakeDownItem takeDown, IOptions<SiteOptions> site)
{
    public async Task<ItemView> ReadAsync(Submission item, CancellationToken cancellationToken)
    {
        var historyTask = log.HistoryAsync(item.Id, cancellationToken);
        var previewTask = previews.RenderAsync(item, cancellationToken);
        var current = await fields.OfAsync(item, cancellationToken);
        var history = await historyTask;

        var earlier = new List<EarlierVersion>();
        foreach (var version in history.Where(h => h.Version < item.Version).GroupBy(h => h.Version).OrderByDescending(g => g.Key))
        {
            if (await fields.VersionAsync(item.Id, version.Key, cancellationToken) is { } json)
            {
                earlier.Add(new EarlierVersion(version.Key, version.Last().Decision, await fields.OfAsync(item with { DetailsJson = json }, cancellationToken)));
            }
        }
        var last = earlier.FirstOrDefault();
        var changes = last is null ? [] : ItemFields.Changes(last.Fields, current);
        var pictures = ModerationActions.PicturesOf(item).Select((_, i) => ModerationActions.PictureUrl(site.Value, item, i + 1)).ToList();
        var actions = ActionsOf(item.Status, item.Kind);
        if (!actions.Contains("take-down") && await takeDown.CanTakeDownAsync(item, cancellationToken))
        {
            actions = [.. actions, "take-down"];
        }
        return new ItemView(item, ModerationQueue.TitleOf(item), current, Article(await previewTask), pictures, earlier, last?.Version, changes, history, actions);
    }

    /// <summary>
    /// What a moderator can do with an item of this kind in this status: the API's and the page's actions alike. A supporter
    /// cannot edit their pledge, so one is never sent back for changes: it is approved or rejected.
    /// </summary>
    public static IReadOnlyList<string> ActionsOf(SubmissionStatus status, string kind) => status switch
    {
        SubmissionStatus.Held when kind == Supporters.SubmitSupporter.Kind => ["approve", "reject"],
        SubmissionStatus.Held => ["approve", "request-changes", "reject"],
        SubmissionStatus.Live or SubmissionStatus.Approved => ["take-down"],
        SubmissionStatus.TakenDown => ["restore"],
        _ => [],
    };

    /// <summary>The <c>article</c> of a rendered public page, its heading one level down to sit inside the moderation page.</summary>
    private static string? Article(string? page)
    {
        if (page is null)
        {
            return null;
        }
        var start = page.IndexOf("<article>", StringComparison.Ordinal);
        var end = page.IndexOf("</article>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return null;
        }
        return page[start..(end + "</article>".Length)]
            .Replace("<h2", "<h3", StringComparison.Ordinal).Replace("</h2>", "</h3>", StringComparison.Ordinal)
            .Replace("<h1>", "<h2>", StringComparison.Ordinal).Replace("</h1>", "</h2>", StringComparison.Ordinal);
    }
}
