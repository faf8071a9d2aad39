using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Publishing;

/// <summary>
/// The publisher's part for stories (called by <see cref="PublishItem"/>): copies the pictures from the private container
/// to <c>posts/{slug}/</c>, writes the page, records it and asks for the lists and feeds to be rebuilt; or takes it all down.
/// The site index (partition "post") keeps the version last published and a tombstone, so a late or repeated message changes nothing.
/// </summary>
public sealed class PublishPost(
    PostBlobs blobs,
    SubmissionStore submissions,
    SiteIndex index,
    SiteWriter writer,
    PublishedItems published,
    IndexRebuilds rebuilds,
    PublishedBodies bodies,
    Moderation.ModerationLog log,
    QueueSender queues,
    IOptions<SiteOptions> site,
    TimeProvider time,
    Moderation.TakeDownNotice notice,
    ILogger<PublishPost> logger)
{
    public const string Kind = SubmitPost.Kind;

    public async Task HandleAsync(PublishMessage message, Submission? submission, CancellationToken cancellationToken)
    {
        var entry = await index.GetAsync(Kind, message.Id, cancellationToken);
        if (PublishSteps.SiteIsAhead(entry, message, submission))
        {
            logger.LogInformation("Publish of post {ItemId} v{Version} skipped: the site already has v{SiteVersion}", message.Id, message.Version, entry.Version);
            return;
        }
        if (message.Withdraw)
        {
            await WithdrawAsync(message, entry, submission, cancellationToken);
            return;
        }
        if (!PublishSteps.IsApprovedVersion(message, submission))
        {
            logger.LogInformation("Publish of post {ItemId} v{Version} skipped: the story has moved on", message.Id, message.Version);
            return;
        }
        await PublishAsync(submission, entry, message.ManageUrl, cancellationToken);
    }

    private async Task PublishAsync(Submission submission, SiteEntry? entry, string? manageUrl, CancellationToken cancellationToken)
    {
        var options = site.Value;
        var now = time.GetUtcNow();
        var details = HubJson.Deserialize<PostDetails>(submission.DetailsJson);
        var body = await blobs.ReadBodyAsync(details, cancellationToken);

        var images = new List<PublicImage>();
        var paths = new HashSet<string>(StringComparer.Ordinal) { PostPaths.Page(submission.Slug) };
        for (var i = 0; i < details.Images.Count; i++)
        {
            var image = details.Images[i];
            var path = PostPaths.Image(submission.Slug, i + 1, image.Extension);
            var stored = await blobs.ReadImageAsync(image, cancellationToken);
            await writer.WriteBinaryAsync(path, stored, image.ContentType, cancellationToken);
            paths.Add(path);
            var sizes = new List<PublicImageSize>();
            foreach (var size in PictureSizes.Make(stored.ToArray(), image.ContentType))
            {
                var sizePath = PostPaths.ImageSize(submission.Slug, i + 1, size.Width, size.Extension);
                await writer.WriteBinaryAsync(sizePath, BinaryData.FromBytes(size.Bytes), size.ContentType, cancellationToken);
                paths.Add(sizePath);
                sizes.Add(new PublicImageSize(options.Public(sizePath), size.ContentType, size.Width));
            }
            images.Add(new PublicImage(options.Public(path), image.Alt, image.Width, image.Height) { Sizes = sizes });
        }
        var welsh = await WelshAsync(details, cancellationToken);
        var post = PublicPost.From(details, body, images) with
        {
            Language = ListingLanguage.Of(details.Language),
            Welsh = welsh is null ? null : new WelshPublicText(welsh.Value.Title, PostBodyRenderer.Summary(welsh.Value.Body)),
            RelatedEventId = details.RelatedEventId,
        };
        var item = new PublishedPost(submission.Id, submission.Slug, submission.Version, post, entry?.PublishedAt ?? now);
        var imageUrls = images.Select(i => i.Url).ToList();
        var safeBody = PostBodyRenderer.ToHtml(body, imageUrls);
        // A bilingual story's Welsh words go through the same renderer, so they are made safe the same way.
        var safeWelshBody = welsh is null ? null : PostBodyRenderer.ToHtml(welsh.Value.Body, imageUrls);
        var related = await RelatedAsync(details, cancellationToken);
        await bodies.WriteAsync(item.Id, safeBody, cancellationToken);
        await bodies.WriteWelshAsync(item.Id, safeWelshBody, cancellationToken);
        foreach (var language in Languages.All)
        {
            var html = PostPage.Render(item, safeBody, related, options, modified: now, language, safeWelshBody);
            await writer.WriteAsync(new SiteFile(language.Localise(PostPaths.Page(item.Slug)), EventSite.HtmlType, html), cancellationToken);
        }
        // An earlier version may have had more pictures.
        foreach (var stale in (await writer.ListAsync(PostPaths.Folder(item.Slug), cancellationToken)).Where(p => !paths.Contains(p)))
        {
            await writer.DeleteAsync(stale, cancellationToken);
        }

        var written = new SiteEntry(item.Id, Kind, item.Version, item.Slug, HubJson.Serialize(post), item.PublishedAt, Withdrawn: false, entry?.ETag ?? default);
        if (!await index.TryWriteAsync(written, existed: entry is not null, cancellationToken))
        {
            // Another publish or a withdrawal won; throw so the retry re-reads what the site now holds.
            throw new InvalidOperationException($"The site entry for post {item.Id} changed while v{item.Version} was being published.");
        }
        var url = options.Url(PostPaths.Page(item.Slug));
        await published.RecordAsync(Record(item.Id, item.Version, post, url, item.PublishedAt, withdrawn: false) with { Excerpt = StoryExcerpt.From(body) }, cancellationToken);
        await rebuilds.RequestAsync(cancellationToken);

        await PublishSteps.MarkLiveAsync(submissions, submission, now, cancellationToken);
        await queues.SendAsync(Triggers.Queues.Email, await PostEmails.LiveAsync(submission, details,
            Email.EmailWords.Link(site.Value, url, submission.ReplyLanguage), Email.EmailWords.Link(site.Value, manageUrl, submission.ReplyLanguage), now), cancellationToken);
        logger.LogInformation("Published post {ItemId} v{Version} with {Images} pictures", item.Id, item.Version, images.Count);
    }

    private async Task WithdrawAsync(PublishMessage message, SiteEntry? entry, Submission? submission, CancellationToken cancellationToken)
    {
        var takenDown = submission?.IsTakenDownAt(message.Version) == true;
        if (submission is not null && !submission.IsWithdrawnAt(message.Version) && !takenDown)
        {
            logger.LogInformation("Withdrawal of post {ItemId} v{Version} skipped: the withdrawal it was sent for did not happen", message.Id, message.Version);
            return;
        }
        var slug = entry?.Slug ?? submission?.Slug;
        if (!string.IsNullOrEmpty(slug))
        {
            foreach (var language in Languages.All)
            {
                foreach (var path in await writer.ListAsync(language.Localise(PostPaths.Folder(slug)), cancellationToken))
                {
                    await writer.DeleteAsync(path, cancellationToken);
                }
                if (takenDown)
                {
                    await writer.WriteGoneAsync(language.Localise(PostPaths.Page(slug)), TakenDownPage.Render(site.Value, Kind, language, PostPaths.Page(slug)), cancellationToken);
                }
            }
        }
        await bodies.DeleteAsync(message.Id, cancellationToken);
        await PublishSteps.WriteTombstoneAsync(index, Kind, message, entry, slug, time, cancellationToken);
        if (entry?.PublicJson is { } json)
        {
            var post = HubJson.Deserialize<PublicPost>(json);
            await published.RecordAsync(Record(message.Id, message.Version, post, site.Value.Url(PostPaths.Page(entry.Slug)), entry.PublishedAt, withdrawn: true), cancellationToken);
            await rebuilds.RequestAsync(cancellationToken);
        }
        await PublishSteps.RecordTakenOffAsync(log, notice, submission, takenDown, "author", cancellationToken);
        logger.LogInformation("Withdrew post {ItemId} at v{Version}", message.Id, message.Version);
    }

    private async Task<RelatedEvent?> RelatedAsync(PostDetails details, CancellationToken cancellationToken)
    {
        if (details.RelatedEventId is not { } eventId || await index.GetAsync("event", eventId, cancellationToken) is not { Withdrawn: false, PublicJson: { } json } entry)
        {
            return null;
        }
        return RelatedEvent.Of(HubJson.Deserialize<EventDetails>(json), entry.Slug, site.Value);
    }

    /// <summary>A bilingual story's Welsh title and Markdown body, read from the private container; null for a story in one language.</summary>
    private async Task<(string Title, string Body)?> WelshAsync(PostDetails details, CancellationToken cancellationToken)
    {
        if (ListingLanguage.Of(details.Language) != ListingLanguage.Bilingual || details.Welsh is not { BodyBlob.Length: > 0 } welsh)
        {
            return null;
        }
        return (welsh.Title, await blobs.ReadBodyAsync(details with { BodyBlob = welsh.BodyBlob }, cancellationToken));
    }

    // Stories go to every subscriber, so no region; their tags that name a topic let topic digests pick them up.
    private static PublishedItem Record(string id, int version, PublicPost post, string url, DateTimeOffset publishedAt, bool withdrawn) =>
        new(id, Kind, version, post.Title, post.Summary, url, "", PostValidator.Topics(post.Tags), publishedAt, null, withdrawn, StoryKinds.Of(post.Kind))
        {
            Author = post.AuthorName,
            Organisation = post.Organisation,
            Language = ListingLanguage.Of(post.Language),
            WelshTitle = post.Welsh?.Title,
            WelshSummary = post.Welsh?.Summary,
        };
}
