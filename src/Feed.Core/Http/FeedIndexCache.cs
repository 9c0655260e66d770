using System.Collections.Concurrent;
using Azure;
using Feed.Core.Feeds;
using Feed.Core.Storage;

namespace Feed.Core.Http;

/// <summary>
/// Feed indexes as serving sees them: kept in memory and revalidated against storage by ETag (a 304 from storage
/// costs no download) at most once per <see cref="Freshness"/>. Serving a feed is therefore at most one storage
/// request, whatever the number of articles.
/// </summary>
public sealed class FeedIndexCache(FeedIndexStore store, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<FeedKey, Entry> _entries = new();

    /// <summary>How long an index is served without asking storage whether it changed.</summary>
    public TimeSpan Freshness { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most feeds kept in memory; past it the cache starts over.</summary>
    public int Capacity { get; init; } = 10_000;

    public async Task<FeedIndex?> GetAsync(FeedKey key, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        _entries.TryGetValue(key, out var cached);
        if (cached is not null && now - cached.CheckedAt < Freshness)
        {
            return cached.Index;
        }

        var (stored, unchanged) = await store.GetIfChangedAsync(key, cached?.ETag, cancellationToken).ConfigureAwait(false);
        if (unchanged && cached is not null)
        {
            _entries[key] = cached with { CheckedAt = now };
            return cached.Index;
        }

        if (stored is null)
        {
            _entries.TryRemove(key, out _);
            return null;
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(stored.Value, stored.ETag, now);
        return stored.Value;
    }

    /// <summary>Forgets what is cached of <paramref name="key"/>, so that the next request reads storage.</summary>
    public void Invalidate(FeedKey key) => _entries.TryRemove(key, out _);

    private sealed record Entry(FeedIndex Index, ETag ETag, DateTimeOffset CheckedAt);
}
