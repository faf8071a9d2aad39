using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Supporters;

/// <summary>
/// The publisher's part for supporters (called by <see cref="PublishItem"/>), shaped like events' and stories': an
/// approved version copies its logo to <c>supporters/logos/</c>, records the public fields in the site index (partition
/// "supporter") and asks for the indexes (the supporters page, the home page's count) to be rebuilt. A
/// <see cref="PublishMessage"/> with <c>Withdraw</c> takes it all down and leaves a tombstone, whoever asked: the
/// supporter with its manage link, or a moderator taking it down. A late or repeated message changes nothing.
/// </summary>
public sealed class PublishSupporter(
    SupporterBlobs blobs,
    SubmissionStore submissions,
    SiteIndex index,
    SiteWriter writer,
    IndexRebuilds rebuilds,
    Moderation.ModerationLog log,
    QueueSender queues,
    IOptions<SiteOptions> site,
    TimeProvider time,
    Moderation.TakeDownNotice notice,
    ILogger<PublishSupporter> logger)
{
    public const string Kind = SubmitSupporter.Kind;

    public async Task HandleAsync(PublishMessage message, Submission? submission, CancellationToken cancellationToken)
    {
        var entry = await index.GetAsync(Kind, message.Id, cancellationToken);
        if (PublishSteps.SiteIsAhead(entry, message, submission))
        {
            logger.LogInformation("Publish of supporter {ItemId} v{Version} skipped: the site already has v{SiteVersion}", message.Id, message.Version, entry.Version);
            return;
        }
        if (message.Withdraw)
        {
            await WithdrawAsync(message, entry, submission, cancellationToken);
            return;
        }
        if (!PublishSteps.IsApprovedVersion(message, submission))
        {
            logger.LogInformation("Publish of supporter {ItemId} v{Version} skipped: the pledge has moved on", message.Id, message.Version);
            return;
        }
        await PublishAsync(submission, entry, message.ManageUrl, cancellationToken);
    }

    private async Task PublishAsync(Submission submission, SiteEntry? entry, string? manageUrl, CancellationToken cancellationToken)
    {
        var options = site.Value;
        var now = time.GetUtcNow();
        var details = HubJson.Deserialize<SupporterDetails>(submission.DetailsJson);
        PublicImage? logo = null;
        if (details.Logo is { } stored)
        {
            var path = SupporterPaths.Logo(submission.Slug, stored.Extension);
            await writer.WriteBinaryAsync(path, await blobs.ReadLogoAsync(stored, cancellationToken), stored.ContentType, cancellationToken);
            logo = new PublicImage(options.Public(path), "", stored.Width, stored.Height);
        }
        await DeleteLogosAsync(submission.Slug, keep: logo?.Url, cancellationToken);

        var supporter = PublicSupporter.From(details, logo);
        var written = new SiteEntry(submission.Id, Kind, submission.Version, submission.Slug, HubJson.Serialize(supporter), entry?.PublishedAt ?? now, Withdrawn: false, entry?.ETag ?? default);
        if (!await index.TryWriteAsync(written, existed: entry is not null, cancellationToken))
        {
            throw new InvalidOperationException($"The site entry for supporter {submission.Id} changed while v{submission.Version} was being published.");
        }
        await rebuilds.RequestAsync(cancellationToken);
        await PublishSteps.MarkLiveAsync(submissions, submission, now, cancellationToken);
        await queues.SendAsync(Triggers.Queues.Email, await SupporterEmails.LiveAsync(submission, details,
            Email.EmailWords.Link(site.Value, options.Url(SupporterPaths.List), submission.ReplyLanguage), Email.EmailWords.Link(site.Value, manageUrl, submission.ReplyLanguage), now), cancellationToken);
        logger.LogInformation("Published supporter {ItemId} v{Version}", submission.Id, submission.Version);
    }

    private async Task WithdrawAsync(PublishMessage message, SiteEntry? entry, Submission? submission, CancellationToken cancellationToken)
    {
        var takenDown = submission?.IsTakenDownAt(message.Version) == true;
        if (submission is not null && !submission.IsWithdrawnAt(message.Version) && !takenDown)
        {
            logger.LogInformation("Withdrawal of supporter {ItemId} v{Version} skipped: the withdrawal it was sent for did not happen", message.Id, message.Version);
            return;
        }
        var slug = entry?.Slug ?? submission?.Slug;
        if (!string.IsNullOrEmpty(slug))
        {
            await DeleteLogosAsync(slug, keep: null, cancellationToken);
        }
        await PublishSteps.WriteTombstoneAsync(index, Kind, message, entry, slug, time, cancellationToken);
        if (entry is not null)
        {
            await rebuilds.RequestAsync(cancellationToken);
        }
        await PublishSteps.RecordTakenOffAsync(log, notice, submission, takenDown, "supporter", cancellationToken);
        logger.LogInformation("Withdrew supporter {ItemId} at v{Version}", message.Id, message.Version);
    }

    // A logo's extension can change between versions (PNG to JPEG): remove the other one.
    private async Task DeleteLogosAsync(string slug, string? keep, CancellationToken cancellationToken)
    {
        foreach (var extension in new[] { ".png", ".jpg" })
        {
            var path = SupporterPaths.Logo(slug, extension);
            if (keep is null || !keep.EndsWith(path, StringComparison.Ordinal))
            {
                await writer.DeleteAsync(path, cancellationToken);
            }
        }
    }
}
