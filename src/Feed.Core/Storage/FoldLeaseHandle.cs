using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Feed.Core.Feeds;
using Feed.Core.Serialization;

namespace Feed.Core.Storage;

/// <summary>A held <see cref="FoldLease"/>: renewed in the background until released; its blob holds the manifest.</summary>
public sealed class FoldLeaseHandle : IAsyncDisposable
{
    private readonly FoldLease _owner;
    private readonly JsonBlobContainer _container;
    private readonly BlobLeaseClient _lease;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private volatile bool _lost;

    internal FoldLeaseHandle(FoldLease owner, JsonBlobContainer container, BlobLeaseClient lease, TimeSpan duration)
    {
        _owner = owner;
        _container = container;
        _lease = lease;
        _renewal = RenewAsync(duration / 3, _stop.Token);
    }

    /// <summary>True once a renewal failed: another process may hold the lease now, so folding must stop.</summary>
    public bool Lost => _lost;

    public Task<FoldManifest> ReadManifestAsync(CancellationToken cancellationToken = default) => _owner.ReadManifestAsync(cancellationToken);

    /// <summary>Writes the manifest under the lease; false (and <see cref="Lost"/>) when the lease is no longer ours.</summary>
    public async Task<bool> WriteManifestAsync(FoldManifest manifest, CancellationToken cancellationToken = default)
    {
        try
        {
            var blob = _container.Client.GetBlobClient(BlobPaths.FoldLease);
            var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(manifest, FeedJsonContext.Default.FoldManifest);
            var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = _lease.LeaseId } };
            await blob.UploadAsync(new BinaryData(bytes), options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 409)
        {
            _lost = true;
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        if (!_lost)
        {
            try
            {
                await _lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // Expired or taken over meanwhile: nothing of ours to release.
            }
        }
    }

    private async Task RenewAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(interval, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await _lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _lost = true;
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
