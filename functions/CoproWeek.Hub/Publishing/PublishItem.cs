using CoproWeek.Hub.Events;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Publishing;

/// <summary>
/// The publish queue's handler: writes an approved item's own files at once and asks for the shared
/// indexes to be rebuilt; or takes a withdrawn item down. The site index keeps the version last
/// published and a tombstone, so an older, repeated or late message changes nothing.
/// </summary>
public sealed class PublishItem(
    SubmissionStore submissions,
    SiteIndex index,
    SiteWriter writer,
    EventPages pages,
    PublishedItems published,
    IndexRebuilds rebuilds,
    PublishPost posts,
    Supporters.PublishSupporter supporters,
    Moderation.ModerationLog log,
    QueueSender queues,
    IOptions<SiteOptions> site,
    TimeProvider time,
    Moderation.TakeDownNotice notice,
    ILogger<PublishItem> logger)
{
    public async Task HandleAsync(PublishMessage message, CancellationToken cancellationToken)
    {
        // Stories have their own files; events keep the path below.
        var submission = await submissions.GetAsync(message.Id, cancellationToken);
        if (submission is { Kind: PublishPost.Kind })
        {
            await posts.HandleAsync(message, submission, cancellationToken);
            return;
        }
        if (submission is { Kind: Supporters.PublishSupporter.Kind })
        {
            await supporters.HandleAsync(message, submission, cancellationToken);
            return;
        }
        var entry = await index.GetAsync("event", message.Id, cancellationToken);
        if (PublishSteps.SiteIsAhead(entry, message, submission))
        {
            logger.LogInformation("Publish of {ItemId} v{Version} skipped: the site already has v{SiteVersion}{Tombstone}",
                message.Id, message.Version, entry.Version, entry.Withdrawn ? " (withdrawn)" : "");
            return;
        }
        if (message.Withdraw)
        {
            await WithdrawAsync(message, entry, submission, cancellationToken);
        }
        else
        {
            await PublishAsync(message, entry, submission, cancellationToken);
        }
    }

    private async Task PublishAsync(PublishMessage message, SiteEntry? entry, Submission? submission, CancellationToken cancellationToken)
    {
        if (!PublishSteps.IsApprovedVersion(message, submission))
        {
            logger.LogInformation("Publish of {ItemId} v{Version} skipped: the item has moved on", message.Id, message.Version);
            return;
        }

        var now = time.GetUtcNow();
        var details = HubJson.Deserialize<EventDetails>(submission.DetailsJson);
        var item = new PublishedEvent(submission.Id, submission.Slug, submission.Version, details with { Contact = new Contact() }, entry?.PublishedAt ?? now);
        await writer.WriteAllAsync(pages.EventFiles(item), cancellationToken);

        var written = new SiteEntry(item.Id, "event", item.Version, item.Slug, HubJson.Serialize(item.Details), item.PublishedAt, Withdrawn: false, entry?.ETag ?? default);
        if (!await index.TryWriteAsync(written, existed: entry is not null, cancellationToken))
        {
            // Another publish or a withdrawal won; throw so the retry re-reads what the site now holds.
            throw new InvalidOperationException($"The site entry for {item.Id} changed while v{item.Version} was being published.");
        }

        var url = site.Value.Public($"events/{item.Slug}/");
        await published.RecordAsync(new PublishedItem(item.Id, "event", item.Version, details.Title, details.Summary, url, details.Region, details.Topics,
            item.PublishedAt, details.Start, Withdrawn: false) with { Ends = details.End, Place = EventWords.Location(details), Access = EventWords.AccessNames(details).ToList(),
                Language = ListingLanguage.Of(details.Language), WelshTitle = details.Welsh?.Title, WelshSummary = details.Welsh?.Summary },
            cancellationToken);
        await rebuilds.RequestAsync(cancellationToken);

        await PublishSteps.MarkLiveAsync(submissions, submission, now, cancellationToken);
        await queues.SendAsync(Triggers.Queues.Email, await EventEmails.LiveAsync(submission, details,
            Email.EmailWords.Link(site.Value, url, submission.ReplyLanguage), Email.EmailWords.Link(site.Value, message.ManageUrl, submission.ReplyLanguage), now), cancellationToken);
        logger.LogInformation("Published {ItemId} v{Version}", item.Id, item.Version);
    }

    /// <summary>
    /// Whether a publish message puts back an item a moderator took down (the site holds its tombstone). An organiser's
    /// withdrawal is final: the item stays withdrawn, so no message for it can find it approved.
    /// </summary>
    internal static bool Restores(PublishMessage message, Submission? submission) =>
        !message.Withdraw && submission is { Status: SubmissionStatus.Approved or SubmissionStatus.Live } && submission.Version == message.Version;

    private async Task WithdrawAsync(PublishMessage message, SiteEntry? entry, Submission? submission, CancellationToken cancellationToken)
    {
        var takenDown = submission?.IsTakenDownAt(message.Version) == true;
        if (submission is not null && !submission.IsWithdrawnAt(message.Version) && !takenDown)
        {
            logger.LogInformation("Withdrawal of {ItemId} v{Version} skipped: the withdrawal it was sent for did not happen", message.Id, message.Version);
            return;
        }
        var slug = entry?.Slug ?? submission?.Slug;
        if (slug is not null)
        {
            // A taken-down event's page, in each language, keeps a short "taken down" page; its other files go.
            await Task.WhenAll(pages.EventFilePaths(slug).Select(path => takenDown && Languages.OfPath(path) is var (language, english) && english == SitePaths.EventPage(slug)
                ? writer.WriteGoneAsync(path, TakenDownPage.Render(site.Value, "event", language, english), cancellationToken)
                : writer.DeleteAsync(path, cancellationToken)));
        }
        var tombstone = new SiteEntry(message.Id, "event", message.Version, slug ?? "", null, entry?.PublishedAt ?? time.GetUtcNow(), Withdrawn: true, entry?.ETag ?? default);
        if (!await index.TryWriteAsync(tombstone, existed: entry is not null, cancellationToken))
        {
            throw new InvalidOperationException($"The site entry for {message.Id} changed while it was being withdrawn.");
        }
        if (entry is not null && submission is not null)
        {
            var details = HubJson.Deserialize<EventDetails>(submission.DetailsJson);
            await published.RecordAsync(new PublishedItem(message.Id, "event", message.Version, details.Title, details.Summary,
                site.Value.Public($"events/{slug}/"), details.Region, details.Topics, entry.PublishedAt, details.Start, Withdrawn: true), cancellationToken);
            await rebuilds.RequestAsync(cancellationToken);
        }
        await PublishSteps.RecordTakenOffAsync(log, notice, submission, takenDown, "organiser", cancellationToken);
        logger.LogInformation("Withdrew {ItemId} at v{Version}", message.Id, message.Version);
    }
}
