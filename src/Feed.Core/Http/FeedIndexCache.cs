using System.Collections.Concurrent;
using Azure;
using Feed.Core.Feeds;
using Feed.Core.Storage;

namespace Feed.Core.Http;

/// <summary>
/// Feed indexes as serving sees them: kept in memory and revalidated against storage by ETag (a 304 from storage
/// costs no download). Serving a feed is therefore at most one storage request per feed and
/// <see cref="Freshness"/>, whatever the number of articles or of concurrent requests: one read per feed is in flight
/// at a time and every request that needs it shares it, and within <see cref="StaleWhileRevalidate"/> requests are
/// answered from memory while that read runs, so a slow or briefly unreachable storage does not hold them up.
/// </summary>
public sealed class FeedIndexCache(FeedIndexStore store, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<FeedKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<FeedKey, Task<Entry?>> _reads = new();

    /// <summary>How long an index is served without asking storage whether it changed.</summary>
    public TimeSpan Freshness { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long past <see cref="Freshness"/> an index is still served at once while storage is asked in the
    /// background; past it, requests wait for storage (and fail with it).
    /// </summary>
    public TimeSpan StaleWhileRevalidate { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most feeds kept in memory; past it the cache starts over.</summary>
    public int Capacity { get; init; } = 10_000;

    public async Task<FeedIndex?> GetAsync(FeedKey key, CancellationToken cancellationToken = default)
    {
        if (_entries.TryGetValue(key, out var cached))
        {
            var age = timeProvider.GetUtcNow() - cached.CheckedAt;
            if (age < Freshness)
            {
                return cached.Index;
            }

            if (age < Freshness + StaleWhileRevalidate)
            {
                _ = Read(key, cached);
                return cached.Index;
            }
        }

        return (await Read(key, cached).WaitAsync(cancellationToken).ConfigureAwait(false))?.Index;
    }

    /// <summary>
    /// Forgets what is cached of <paramref name="key"/>, so that the next request reads storage; a read already in
    /// flight may have seen the previous version, so what it finds is not kept.
    /// </summary>
    public void Invalidate(FeedKey key)
    {
        lock (_reads)
        {
            _reads.TryRemove(key, out _);
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>The read of <paramref name="key"/> in flight, or a new one.</summary>
    private Task<Entry?> Read(FeedKey key, Entry? cached)
    {
        if (_reads.TryGetValue(key, out var inFlight))
        {
            return inFlight;
        }

        var read = new TaskCompletionSource<Entry?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _reads.GetOrAdd(key, read.Task);
        if (current == read.Task)
        {
            _ = CompleteAsync(key, cached, read);
        }

        return current;
    }

    // Not cancelled by the request that started it: other requests wait on the same read.
    private async Task CompleteAsync(FeedKey key, Entry? cached, TaskCompletionSource<Entry?> read)
    {
        try
        {
            var (stored, unchanged) = await store.GetIfChangedAsync(key, cached?.ETag, CancellationToken.None).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            var entry = unchanged && cached is not null ? cached with { CheckedAt = now }
                : stored is null ? null
                : new Entry(stored.Value, stored.ETag, now);
            lock (_reads)
            {
                if (_reads.TryRemove(new KeyValuePair<FeedKey, Task<Entry?>>(key, read.Task)))
                {
                    Keep(key, entry);
                }
            }

            read.SetResult(entry);
        }
        catch (Exception exception)
        {
            _reads.TryRemove(new KeyValuePair<FeedKey, Task<Entry?>>(key, read.Task));
            read.SetException(exception);
        }
    }

    private void Keep(FeedKey key, Entry? entry)
    {
        if (entry is null)
        {
            _entries.TryRemove(key, out _);
            return;
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[key] = entry;
    }

    private sealed record Entry(FeedIndex Index, ETag ETag, DateTimeOffset CheckedAt);
}
