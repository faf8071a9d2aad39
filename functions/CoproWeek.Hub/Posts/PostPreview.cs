using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// A story's page as it will be published, for the moderator who reads it first, with its real pictures: they are still
/// private, so they come from the moderators' own picture address (a signed-in moderator only, never cached).
/// </summary>
public sealed class PostPreview(PostBlobs blobs, IOptions<SiteOptions> site, TimeProvider time) : IPreviewRenderer
{
    public string Kind => "post";

    public async Task<string> RenderAsync(Submission submission, CancellationToken cancellationToken)
    {
        var details = HubJson.Deserialize<PostDetails>(submission.DetailsJson);
        var body = await blobs.ReadBodyAsync(details, cancellationToken);
        var images = details.Images.Select((image, i) => new PublicImage(ModerationActions.PictureUrl(site.Value, submission, i + 1), image.Alt, image.Width, image.Height)).ToList();
        var preview = new PublishedPost(submission.Id, submission.Slug, submission.Version, PublicPost.From(details, body, images), time.GetUtcNow());
        return PostPage.Render(preview, PostBodyRenderer.ToHtml(body, images.Select(i => i.Url).ToList()), related: null, site.Value);
    }
}
