using Azure.Storage.Blobs;

namespace Feed.Core.Storage;

/// <summary>
/// What a probe of storage found: whether it answers at all, and if it does, which of Feed's containers are missing
/// (a reachable account without its containers needs them created, not a network fix).
/// </summary>
public sealed record StorageHealth(string? UnreachableReason, IReadOnlyDictionary<string, bool> Containers)
{
    public bool IsReachable => UnreachableReason is null;

    public IReadOnlyList<string> MissingContainers => [.. Containers.Where(c => !c.Value).Select(c => c.Key)];

    public bool IsHealthy => IsReachable && MissingContainers.Count == 0;

    /// <summary>
    /// Asks storage whether the upload and data containers exist, giving up after <paramref name="timeout"/> (the
    /// client's own retries last longer).
    /// </summary>
    public static async Task<StorageHealth> ProbeAsync(FeedStorage storage, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probe.CancelAfter(timeout);
        BlobContainerClient[] containers = [storage.Uploads, storage.Data];
        try
        {
            var exists = await Task.WhenAll(containers.Select(async c => (await c.ExistsAsync(probe.Token).ConfigureAwait(false)).Value)).ConfigureAwait(false);
            return new StorageHealth(null, containers.Select((c, i) => (c.Name, exists[i])).ToDictionary(c => c.Name, c => c.Item2, StringComparer.Ordinal));
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            return new StorageHealth(StorageFailure.Reason(exception), new Dictionary<string, bool>());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new StorageHealth($"no answer within {timeout.TotalSeconds:0} s", new Dictionary<string, bool>());
        }
    }
}
