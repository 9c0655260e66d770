using System.Globalization;
using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Feed.Core.Feeds;
using Feed.Core.Serialization;

namespace Feed.Core.Storage;

/// <summary>
/// Pending feed changes, one small blob each under <c>pending/</c>, named by the time they were written (so a listing
/// gives them oldest first) and a random part (so two writers never share a name).
/// </summary>
public sealed class PendingChangeStore(JsonBlobContainer container, TimeProvider timeProvider)
{
    private long _lastTicks;

    /// <summary>Stores <paramref name="change"/> under a new name, which it returns.</summary>
    public async Task<string> PutAsync(PendingFeedChange change, CancellationToken cancellationToken = default)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{NextTicks():D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.json");
        await container.PutAsync(BlobPaths.Pending(name), change, FeedJsonContext.Default.PendingFeedChange, compress: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Now, but always later than the previous name of this process: its changes are folded in the order they were made.</summary>
    private long NextTicks()
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        while (true)
        {
            var last = Interlocked.Read(ref _lastTicks);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastTicks, next, last) == last)
            {
                return next;
            }
        }
    }

    public async Task<PendingFeedChange?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await container.GetAsync(BlobPaths.Pending(name), FeedJsonContext.Default.PendingFeedChange, cancellationToken).ConfigureAwait(false))?.Value;

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        container.DeleteAsync(BlobPaths.Pending(name), cancellationToken: cancellationToken);

    /// <summary>The names of at most <paramref name="max"/> pending changes, oldest first.</summary>
    public async Task<List<string>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        var options = new GetBlobsOptions { Prefix = BlobPaths.PendingPrefix };
        await foreach (var page in container.Client.GetBlobsAsync(options, cancellationToken).AsPages(pageSizeHint: max).ConfigureAwait(false))
        {
            names.AddRange(page.Values.Select(item => item.Name[BlobPaths.PendingPrefix.Length..]));
            if (names.Count >= max)
            {
                break;
            }
        }

        return names.Count > max ? names[..max] : names;
    }
}
