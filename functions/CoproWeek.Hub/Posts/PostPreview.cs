using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// A story's page as it will be published, for the moderator who reads it first. Its pictures are still private,
/// so the preview shows each picture's description in its place; the words are exactly what will go out.
/// </summary>
public sealed class PostPreview(PostBlobs blobs, IOptions<SiteOptions> site, TimeProvider time) : IPreviewRenderer
{
    public string Kind => "post";

    public async Task<string> RenderAsync(Submission submission, CancellationToken cancellationToken)
    {
        var details = HubJson.Deserialize<PostDetails>(submission.DetailsJson);
        var body = await blobs.ReadBodyAsync(details, cancellationToken);
        var preview = new PublishedPost(submission.Id, submission.Slug, submission.Version, PublicPost.From(details, body, []), time.GetUtcNow());
        var pictures = string.Concat(details.Images.Select((image, i) => $"\n\n*Picture {i + 1}: {image.Alt}*"));
        return PostPage.Render(preview, PostBodyRenderer.ToHtml(body + pictures, []), related: null, site.Value);
    }
}
