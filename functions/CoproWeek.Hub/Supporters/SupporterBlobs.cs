using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Supporters;

/// <summary>A supporter's logo in the private <c>submissions</c> container, under <c>supporters/{id}/v{version}/</c>, until a moderator approves it.</summary>
public sealed class SupporterBlobs(HubStorage storage)
{
    private BlobContainerClient Private => storage.Container(HubStorage.ContainerNames.Submissions);

    /// <summary>Stores the logo of one version, if any; returns the details that name it.</summary>
    public async Task<SupporterDetails> WriteAsync(string id, int version, SupporterDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Logo is not { } logo)
        {
            return draft.Details;
        }
        var blob = $"supporters/{id}/v{version}/logo{logo.Extension}";
        await Private.GetBlobClient(blob).UploadAsync(BinaryData.FromBytes(logo.Bytes),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = logo.ContentType } }, cancellationToken);
        return draft.Details with { Logo = new PostImage(blob, "", logo.Width, logo.Height, logo.ContentType) };
    }

    public async Task<BinaryData> ReadLogoAsync(PostImage logo, CancellationToken cancellationToken) =>
        (await Private.GetBlobClient(logo.Blob).DownloadContentAsync(cancellationToken)).Value.Content;

    /// <summary>Removes every file of a supporter, as when its address is never confirmed.</summary>
    public async Task DeleteAllAsync(string id, CancellationToken cancellationToken)
    {
        await foreach (var file in Private.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"supporters/{id}/", cancellationToken))
        {
            await Private.DeleteBlobIfExistsAsync(file.Name, cancellationToken: cancellationToken);
        }
    }
}
