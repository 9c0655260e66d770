using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Feed.Core.Serialization;
using Feed.Core.Storage;

namespace Feed.Core.Feeds;

/// <summary>
/// Applies changes to feed indexes. Changes to one feed that arrive while a write is under way are coalesced into
/// the next write; every write is conditional on the ETag read, and retried from a fresh read when another writer
/// (another process) came first, so no change is ever lost.
/// </summary>
public sealed class FeedIndexWriter(FeedIndexStore store, TimeProvider timeProvider)
{
    private const int MaxAttempts = 50;

    private readonly ConcurrentDictionary<FeedKey, FeedQueue> _queues = new();

    /// <summary>Raised after an index was written, with its key: lets a host drop what it cached of that feed.</summary>
    public event Action<FeedKey>? IndexWritten;

    /// <summary>Applies <paramref name="change"/> to the feed <paramref name="key"/>; completes once it is stored.</summary>
    public Task ApplyAsync(FeedKey key, FeedIndexChange change, CancellationToken cancellationToken = default)
    {
        var pending = new PendingChange(change);
        var queue = _queues.GetOrAdd(key, static k => new FeedQueue(k));
        bool startWorker;
        lock (queue)
        {
            queue.Pending.Add(pending);
            startWorker = !queue.Running;
            queue.Running = true;
        }

        if (startWorker)
        {
            _ = Task.Run(() => DrainAsync(queue), CancellationToken.None);
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Replaces a feed's index outright with these entries (rebuilding from the normalized store).</summary>
    public async Task ReplaceAsync(FeedKey key, string title, IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var sorted = entries.ToList();
            sorted.Sort(FeedEntry.NewestFirst);
            var version = ComputeVersion(sorted);
            if (stored is not null && stored.Value.Version == version && stored.Value.Title == title)
            {
                return;
            }

            var index = new FeedIndex
            {
                Kind = key.Kind,
                Key = key.Key,
                Title = title,
                LastModified = LastModified(sorted, stored?.Value.LastModified),
                Version = version,
                Entries = sorted,
            };
            if (await store.PutAsync(index, stored?.ETag, cancellationToken).ConfigureAwait(false) is not null)
            {
                IndexWritten?.Invoke(key);
                return;
            }
        }

        throw new InvalidOperationException($"feed '{key}' kept changing under the rebuild");
    }

    private async Task DrainAsync(FeedQueue queue)
    {
        while (true)
        {
            List<PendingChange> batch;
            lock (queue)
            {
                if (queue.Pending.Count == 0)
                {
                    queue.Running = false;
                    return;
                }

                batch = queue.Pending;
                queue.Pending = [];
            }

            try
            {
                await WriteAsync(queue.Key, batch).ConfigureAwait(false);
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(exception);
                }
            }
        }
    }

    private async Task WriteAsync(FeedKey key, List<PendingChange> batch)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await store.GetAsync(key).ConfigureAwait(false);
            var index = stored?.Value ?? new FeedIndex { Kind = key.Kind, Key = key.Key, Title = "", LastModified = timeProvider.GetUtcNow() };
            if (!Apply(index, batch))
            {
                return;
            }

            if (index.Entries.Count == 0)
            {
                // A feed with no entries left is removed, so that unknown and emptied feeds both answer 404.
                if (stored is null || await store.DeleteAsync(key, stored.ETag).ConfigureAwait(false))
                {
                    IndexWritten?.Invoke(key);
                    return;
                }

                continue;
            }

            index.Version = ComputeVersion(index.Entries);
            index.LastModified = LastModified(index.Entries, timeProvider.GetUtcNow());
            if (await store.PutAsync(index, stored?.ETag).ConfigureAwait(false) is not null)
            {
                IndexWritten?.Invoke(key);
                return;
            }

            await Task.Delay(Random.Shared.Next(5, 20 + (attempt * 10))).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"feed '{key}' could not be updated after {MaxAttempts} conflicting writes");
    }

    /// <summary>Applies the batch in arrival order; false when nothing changed.</summary>
    private static bool Apply(FeedIndex index, List<PendingChange> batch)
    {
        var changed = false;
        foreach (var pending in batch)
        {
            var change = pending.Change;
            var position = index.Entries.FindIndex(e => e.Id == change.ArticleId);
            if (change.Entry is null)
            {
                if (position >= 0)
                {
                    index.Entries.RemoveAt(position);
                    changed = true;
                }

                continue;
            }

            if (change.Title.Length > 0 && index.Title != change.Title)
            {
                index.Title = change.Title;
                changed = true;
            }

            if (position >= 0)
            {
                if (index.Entries[position].ContentHash == change.Entry.ContentHash
                    && index.Entries[position].Updated == change.Entry.Updated)
                {
                    continue;
                }

                index.Entries.RemoveAt(position);
            }

            var insertAt = index.Entries.BinarySearch(change.Entry, Comparer<FeedEntry>.Create(FeedEntry.NewestFirst));
            index.Entries.Insert(insertAt < 0 ? ~insertAt : insertAt, change.Entry);
            changed = true;
        }

        return changed;
    }

    /// <summary>A feed's last change: the newest entry update, or when an entry was removed, the time of removal.</summary>
    private static DateTimeOffset LastModified(List<FeedEntry> entries, DateTimeOffset? fallback)
    {
        var newest = entries.Count == 0 ? DateTimeOffset.MinValue : entries.Max(e => e.Updated);
        return fallback is { } time && time > newest ? time : newest;
    }

    private static string ComputeVersion(List<FeedEntry> entries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in entries)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(entry.Id));
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(entry.ContentHash));
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(entry.Updated, FeedJsonContext.Default.DateTimeOffset));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 12));
    }

    private sealed class FeedQueue(FeedKey key)
    {
        public FeedKey Key { get; } = key;

        public List<PendingChange> Pending { get; set; } = [];

        public bool Running { get; set; }
    }

    private sealed class PendingChange(FeedIndexChange change)
    {
        public FeedIndexChange Change { get; } = change;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
