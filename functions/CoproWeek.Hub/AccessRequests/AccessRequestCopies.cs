using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.AccessRequests;

/// <summary>
/// The one copy of an access request a mailbox may get in a UTC day, however many requests name it: an empty blob
/// <c>access-copies/{yyyyMMdd}/{mailbox id}</c> in the limits container, created only if absent, so racing hosts
/// agree on one winner. The mailbox id is the keyed hash contacts use, so no blob name holds an address. Days that
/// are over are removed by the daily clean-up.
/// </summary>
public sealed class AccessRequestCopies(HubStorage storage, ContactAddresses contacts, TimeProvider time) : IExpirySweep
{
    public const string Prefix = "access-copies/";

    public string Kind => "access request copy allowances";

    /// <summary>Takes today's copy for the mailbox; false when it went already.</summary>
    public async Task<bool> TryClaimAsync(string email, CancellationToken cancellationToken)
    {
        var blob = storage.Container(HubStorage.ContainerNames.Limits).GetBlobClient($"{Prefix}{Day(time.GetUtcNow())}/{contacts.MailboxId(email)}");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new Azure.Storage.Blobs.Models.BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = storage.Container(HubStorage.ContainerNames.Limits);
        var today = Day(now);
        var removed = 0;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix, cancellationToken))
        {
            var day = blob.Name.Split('/')[1];
            if (string.CompareOrdinal(day, today) < 0 && await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken))
            {
                removed++;
            }
        }
        return removed;
    }

    private static string Day(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
