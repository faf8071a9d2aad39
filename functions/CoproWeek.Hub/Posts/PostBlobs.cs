using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Posts;

/// <summary>
/// A story's files in the private <c>submissions</c> container, one folder per version
/// (<c>posts/{id}/v{version}/body.md</c>, <c>image-1.jpg</c>, ...), so an edit never overwrites what a moderator is reading.
/// </summary>
public sealed class PostBlobs(HubStorage storage)
{
    private BlobContainerClient Private => storage.Container(HubStorage.ContainerNames.Submissions);

    public static string Folder(string id, int version) => $"posts/{id}/v{version}/";

    /// <summary>Removes every version's files of a story (one nobody will ever read, such as an unconfirmed one).</summary>
    public async Task DeleteAllAsync(string id, CancellationToken cancellationToken)
    {
        await foreach (var file in Private.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"posts/{id}/", cancellationToken))
        {
            await Private.DeleteBlobIfExistsAsync(file.Name, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Writes the body and pictures of one version; returns the details that name them.</summary>
    public async Task<PostDetails> WriteAsync(string id, int version, PostDraft draft, CancellationToken cancellationToken)
    {
        var folder = Folder(id, version);
        var bodyBlob = folder + "body.md";
        var images = draft.Images.Select((d, i) =>
            new PostImage($"{folder}image-{i + 1}{d.Image.Extension}", d.Alt, d.Image.Width, d.Image.Height, d.Image.ContentType)).ToList();
        // A bilingual story's Welsh body is its own private blob beside the English one.
        var welshBlob = draft.Welsh is null ? null : folder + "body.cy.md";
        var uploads = images.Select((image, i) => UploadAsync(image.Blob, BinaryData.FromBytes(draft.Images[i].Image.Bytes), image.ContentType, cancellationToken))
            .Append(UploadAsync(bodyBlob, BinaryData.FromString(draft.Body), "text/markdown; charset=utf-8", cancellationToken));
        if (draft.Welsh is not null)
        {
            uploads = uploads.Append(UploadAsync(welshBlob!, BinaryData.FromString(draft.Welsh.Body), "text/markdown; charset=utf-8", cancellationToken));
        }
        await Task.WhenAll(uploads);
        return new PostDetails
        {
            Title = draft.Title,
            AuthorName = draft.Authors[0].Name,
            AuthorRole = draft.Authors[0].Role,
            Organisation = draft.Authors[0].Organisation,
            Authors = draft.Authors,
            OriginalUrl = draft.OriginalUrl,
            Kind = draft.Kind,
            AuthorEmail = draft.AuthorEmail,
            Tags = draft.Tags,
            RelatedEventId = draft.RelatedEventId,
            Images = images,
            BodyBlob = bodyBlob,
            Language = draft.Language,
            Welsh = draft.Welsh is null ? null : new WelshStoryText { Title = draft.Welsh.Title, BodyBlob = welshBlob! },
        };
    }

    public Task<string> ReadBodyAsync(PostDetails details, CancellationToken cancellationToken) => ReadBodyAsync(details.BodyBlob, cancellationToken);

    /// <summary>A Markdown body by its blob name: the English body, or a bilingual story's Welsh one (<see cref="WelshStoryText.BodyBlob"/>).</summary>
    public async Task<string> ReadBodyAsync(string bodyBlob, CancellationToken cancellationToken) =>
        (await Private.GetBlobClient(bodyBlob).DownloadContentAsync(cancellationToken)).Value.Content.ToString();

    public async Task<BinaryData> ReadImageAsync(PostImage image, CancellationToken cancellationToken) =>
        (await Private.GetBlobClient(image.Blob).DownloadContentAsync(cancellationToken)).Value.Content;

    private Task UploadAsync(string name, BinaryData content, string contentType, CancellationToken cancellationToken) =>
        Private.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
}
