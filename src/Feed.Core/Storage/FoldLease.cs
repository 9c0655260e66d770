using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Feed.Core.Feeds;
using Feed.Core.Serialization;

namespace Feed.Core.Storage;

/// <summary>
/// The lease that makes one process at a time, across every instance on the storage account, fold pending changes
/// into feeds. A holder that dies loses it after <see cref="Duration"/>; a live one renews it in the background.
/// </summary>
public sealed class FoldLease(JsonBlobContainer container)
{
    /// <summary>How long a lease lasts without renewal (Azure accepts 15 to 60 s).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The manifest as the last holder left it (read without the lease).</summary>
    public async Task<FoldManifest> ReadManifestAsync(CancellationToken cancellationToken = default) =>
        (await container.GetAsync(BlobPaths.FoldLease, FeedJsonContext.Default.FoldManifest, cancellationToken).ConfigureAwait(false))?.Value ?? new FoldManifest();

    /// <summary>Takes the lease; null when another process holds it.</summary>
    public async Task<FoldLeaseHandle?> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        var blob = container.Client.GetBlobClient(BlobPaths.FoldLease);
        var lease = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await lease.AcquireAsync(Duration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new FoldLeaseHandle(this, container, lease, Duration);
            }
            catch (RequestFailedException exception) when (exception.Status == 404 && attempt == 0)
            {
                await container.PutAsync(BlobPaths.FoldLease, new FoldManifest(), FeedJsonContext.Default.FoldManifest, ifNoneMatch: ETag.All, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                return null;
            }
        }
    }
}
