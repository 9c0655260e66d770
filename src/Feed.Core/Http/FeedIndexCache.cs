using System.Collections.Concurrent;
using Azure;
using Feed.Core.Feeds;
using Feed.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Feed.Core.Http;

/// <summary>
/// Feed indexes as serving sees them: kept in memory and revalidated against storage by ETag (a 304 from storage
/// costs no download). Serving a feed is therefore at most one storage request per feed and
/// <see cref="Freshness"/>, whatever the number of articles or of concurrent requests: one read per feed is in flight
/// at a time and every request that needs it shares it, and within <see cref="StaleWhileRevalidate"/> requests are
/// answered from memory while that read runs, so a slow or briefly unreachable storage does not hold them up.
/// When storage fails or does not answer within <see cref="StorageWait"/>, the last good version is served for up to
/// <see cref="StaleIfError"/> (stale-if-error), storage being asked again at most once per <see cref="Freshness"/>;
/// <see cref="Stale"/> tells the health check. Memory stays bounded by <see cref="Capacity"/> feeds.
/// </summary>
public sealed partial class FeedIndexCache(FeedIndexStore store, TimeProvider timeProvider, ILogger<FeedIndexCache>? logger = null)
{
    private readonly ConcurrentDictionary<FeedKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<FeedKey, Task<Entry?>> _reads = new();
    private readonly ConcurrentDictionary<FeedKey, StaleSince> _stale = new();
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>How long an index is served without asking storage whether it changed.</summary>
    public TimeSpan Freshness { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long past <see cref="Freshness"/> an index is still served at once while storage is asked in the
    /// background; past it, requests wait for storage (and fail with it).
    /// </summary>
    public TimeSpan StaleWhileRevalidate { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long past its last successful check an index is still served while storage fails or stalls.</summary>
    public TimeSpan StaleIfError { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How long a request waits for storage when a version to fall back on is at hand.</summary>
    public TimeSpan StorageWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a request waits for storage when there is nothing to fall back on; then it fails with <see cref="TimeoutException"/>.</summary>
    public TimeSpan MaxStorageWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Feeds served from memory because storage failed: how many, and since when (the earliest).</summary>
    public (int Feeds, DateTimeOffset? Since) Stale =>
        _stale.IsEmpty ? (0, null) : (_stale.Count, _stale.Values.Min(s => s.Since));

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

            if (age < Freshness + StaleIfError)
            {
                if (_stale.TryGetValue(key, out var stale))
                {
                    // Storage failed for this feed already: answer at once, and ask storage again now and then.
                    if (timeProvider.GetUtcNow() - stale.LastAttempt >= Freshness)
                    {
                        _stale[key] = stale with { LastAttempt = timeProvider.GetUtcNow() };
                        _ = Read(key, cached);
                    }

                    return cached.Index;
                }

                try
                {
                    return (await Read(key, cached).WaitAsync(StorageWait, cancellationToken).ConfigureAwait(false))?.Index;
                }
                catch (Exception exception) when (StorageFailure.Is(exception) && !cancellationToken.IsCancellationRequested)
                {
                    MarkStale(key, cached, StorageFailure.Reason(exception));
                    return cached.Index;
                }
            }
        }

        return (await Read(key, cached).WaitAsync(MaxStorageWait, cancellationToken).ConfigureAwait(false))?.Index;
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

            if (_stale.TryRemove(key, out var stale))
            {
                LogRecovered(_logger, key.ToString(), (now - stale.Since).TotalSeconds);
            }

            read.SetResult(entry);
        }
        catch (Exception exception)
        {
            _reads.TryRemove(new KeyValuePair<FeedKey, Task<Entry?>>(key, read.Task));
            if (cached is not null && StorageFailure.Is(exception))
            {
                MarkStale(key, cached, StorageFailure.Reason(exception));
            }

            read.SetException(exception);
        }
    }

    private void MarkStale(FeedKey key, Entry cached, string reason)
    {
        var now = timeProvider.GetUtcNow();
        if (_stale.TryAdd(key, new StaleSince(now, now)))
        {
            LogServingStale(_logger, key.ToString(), (now - cached.CheckedAt).TotalSeconds, reason);
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

    private sealed record StaleSince(DateTimeOffset Since, DateTimeOffset LastAttempt);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Storage is not answering for feed {Feed}: serving the version checked {AgeSeconds} s ago until it does ({Reason})")]
    private static partial void LogServingStale(ILogger logger, string feed, double ageSeconds, string reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Storage answers again for feed {Feed}, after {StaleSeconds} s served from memory")]
    private static partial void LogRecovered(ILogger logger, string feed, double staleSeconds);
}
