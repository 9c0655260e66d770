using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Feed.Core.Configuration;
using Feed.Core.Serialization;
using Feed.Core.Storage;

namespace Feed.Core.Feeds;

/// <summary>
/// Applies changes to feed indexes. Changes to one feed that arrive while a write is under way are coalesced into
/// the next write; every write is conditional on the ETag read, and retried from a fresh read when another writer
/// (another process) came first, so no change is ever lost.
/// </summary>
/// <remarks>
/// A feed is an RFC 5005 archived feed: the head holds the newest <see cref="FeedOptions.HeadSize"/> entries; an
/// entry pushed out of the head goes to the open archive page (kept in the head blob); a full open page is sealed
/// into a blob of its own. Page blobs are named afresh for every version and written before the head that names
/// them, so the head's conditional write is the single commit point: a writer that loses the race leaves only
/// unreferenced page blobs, which it deletes.
/// </remarks>
public sealed class FeedIndexWriter(
    FeedIndexStore store,
    TimeProvider timeProvider,
    FeedOptions? options = null,
    IEnumerable<IFeedChangeListener>? listeners = null)
{
    private const int MaxAttempts = 50;
    private const int MaxRememberedHeads = 5_000;

    private static readonly Comparer<FeedEntry> NewestFirst = Comparer<FeedEntry>.Create(FeedEntry.NewestFirst);

    private readonly int _headSize = Math.Max(1, options?.HeadSize ?? new FeedOptions().HeadSize);
    private readonly int _pageSize = Math.Max(1, options?.ArchivePageSize ?? new FeedOptions().ArchivePageSize);
    private readonly ConcurrentDictionary<FeedKey, FeedQueue> _queues = new();
    private readonly IFeedChangeListener[] _listeners = listeners?.ToArray() ?? [];

    // The last head this writer wrote per feed, with its ETag: the next write starts from it instead of reading it,
    // and its conditional write still fails (412) if anyone else wrote in between. Taken out while a write runs.
    private readonly ConcurrentDictionary<FeedKey, StoredDocument<FeedIndex>> _written = new();
    private long _writes;
    private long _conflicts;

    /// <summary>Conditional writes of feed heads (and deletions of emptied feeds) that succeeded, since the start.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Conditional writes that lost to another writer (412) and were tried again from a fresh read.</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    /// <summary>
    /// Forgets the heads this writer wrote last (kept to write the next version without reading it first): another
    /// process may have written them since, e.g. while it held the fold lease.
    /// </summary>
    public void ForgetWrittenHeads() => _written.Clear();

    /// <summary>Applies <paramref name="change"/> to the feed <paramref name="key"/>; completes once it is stored.</summary>
    public Task ApplyAsync(FeedKey key, FeedIndexChange change, CancellationToken cancellationToken = default) =>
        ApplyAsync(key, [change], cancellationToken);

    /// <summary>Applies <paramref name="changes"/>, in order, to the feed <paramref name="key"/> in one write (with whatever else is queued); completes once they are stored.</summary>
    public Task ApplyAsync(FeedKey key, IReadOnlyList<FeedIndexChange> changes, CancellationToken cancellationToken = default)
    {
        var pending = new PendingChange(changes);
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

    /// <summary>
    /// Replaces a feed's index outright with these entries (rebuilding from the normalized store): the newest go to
    /// the head, the rest onto archive pages in date order. Pages whose entries did not change keep their blob.
    /// </summary>
    public async Task ReplaceAsync(FeedKey key, string title, IReadOnlyList<FeedEntry> entries, CancellationToken cancellationToken = default)
    {
        _written.TryRemove(key, out _);
        var sorted = entries.ToList();
        sorted.Sort(FeedEntry.NewestFirst);
        var head = sorted.Take(_headSize).ToList();
        var olderFirst = sorted.Skip(_headSize).Reverse().ToList();
        var fullPages = olderFirst.Count / _pageSize;
        var pages = Enumerable.Range(0, fullPages).Select(p => NewestFirstCopy(olderFirst.GetRange(p * _pageSize, _pageSize))).ToList();
        var open = NewestFirstCopy(olderFirst.GetRange(fullPages * _pageSize, olderFirst.Count - (fullPages * _pageSize)));

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (sorted.Count == 0)
            {
                if (stored is null || await store.DeleteAsync(key, stored.ETag, cancellationToken).ConfigureAwait(false))
                {
                    await DeletePagesAsync(key, stored?.Value.Pages.Select(p => p.Blob) ?? [], cancellationToken).ConfigureAwait(false);
                    await ChangedAsync(key).ConfigureAwait(false);
                    return;
                }

                continue;
            }

            var index = new FeedIndex
            {
                Kind = key.Kind,
                Key = key.Key,
                Title = title,
                LastModified = stored?.Value.LastModified ?? timeProvider.GetUtcNow(),
                Entries = head,
                Open = open,
            };
            var written = new List<string>();
            var unchanged = stored is not null && stored.Value.Title == title && SameEntries(stored.Value.Entries, head) && SameEntries(stored.Value.Open, open)
                && stored.Value.Pages.Count == pages.Count;
            for (var p = 0; p < pages.Count; p++)
            {
                var previous = stored?.Value.Pages.ElementAtOrDefault(p);
                if (previous is not null
                    && await store.GetPageAsync(key, previous.Blob, cancellationToken).ConfigureAwait(false) is { } old
                    && SameEntries(old.Entries, pages[p]))
                {
                    index.Pages.Add(previous);
                    continue;
                }

                unchanged = false;
                var info = Describe(p + 1, pages[p], timeProvider.GetUtcNow());
                await store.PutPageAsync(key, info.Blob, new ArchivePage { Number = p + 1, Entries = pages[p] }, cancellationToken).ConfigureAwait(false);
                written.Add(info.Blob);
                index.Pages.Add(info);
            }

            if (unchanged)
            {
                return;
            }

            index.Version = ComputeVersion(index);
            index.LastModified = LastModified(index, timeProvider.GetUtcNow());
            if (await store.PutAsync(index, stored?.ETag, cancellationToken).ConfigureAwait(false) is not null)
            {
                var kept = index.Pages.Select(p => p.Blob).ToHashSet(StringComparer.Ordinal);
                await DeletePagesAsync(key, stored?.Value.Pages.Select(p => p.Blob).Where(b => !kept.Contains(b)) ?? [], cancellationToken).ConfigureAwait(false);
                await ChangedAsync(key).ConfigureAwait(false);
                return;
            }

            await DeletePagesAsync(key, written, cancellationToken).ConfigureAwait(false);
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
        var changes = batch.SelectMany(p => p.Changes).ToList();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = _written.TryRemove(key, out var cached) ? cached : await store.GetAsync(key).ConfigureAwait(false);
            var index = stored?.Value ?? new FeedIndex { Kind = key.Kind, Key = key.Key, Title = "", LastModified = timeProvider.GetUtcNow() };
            var edit = new ArchiveEdit(store, key, index);
            bool changed;
            try
            {
                changed = await ApplyAsync(index, edit, changes).ConfigureAwait(false);
            }
            catch (StaleHeadException)
            {
                continue;
            }

            if (!changed)
            {
                if (stored is not null)
                {
                    Remember(key, stored);
                }

                return;
            }

            if (index.TotalCount == 0)
            {
                // A feed with no entries left is removed, so that unknown and emptied feeds both answer 404.
                if (stored is null || await store.DeleteAsync(key, stored.ETag).ConfigureAwait(false))
                {
                    await DeletePagesAsync(key, stored?.Value.Pages.Select(p => p.Blob) ?? [], default).ConfigureAwait(false);
                    Interlocked.Increment(ref _writes);
                    await ChangedAsync(key).ConfigureAwait(false);
                    return;
                }

                Interlocked.Increment(ref _conflicts);
                continue;
            }

            var now = timeProvider.GetUtcNow();
            var (written, superseded) = await edit.WritePagesAsync(now).ConfigureAwait(false);
            index.Version = ComputeVersion(index);
            index.LastModified = LastModified(index, now);
            if (await store.PutAsync(index, stored?.ETag).ConfigureAwait(false) is { } etag)
            {
                Remember(key, new StoredDocument<FeedIndex>(index, etag));
                await DeletePagesAsync(key, superseded, default).ConfigureAwait(false);
                Interlocked.Increment(ref _writes);
                await ChangedAsync(key).ConfigureAwait(false);
                return;
            }

            Interlocked.Increment(ref _conflicts);
            await DeletePagesAsync(key, written, default).ConfigureAwait(false);

            // The writer that came first may have applied these very changes (two folds of one pending change, when
            // a fold lease was lost): from now on a new entry is looked for on the archive pages too before it is filed.
            changes = [.. changes.Select(c => c.AssumingFiled())];
            await Task.Delay(Random.Shared.Next(5, 20 + (attempt * 10))).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"feed '{key}' could not be updated after {MaxAttempts} conflicting writes");
    }

    /// <summary>Applies the batch in arrival order; false when nothing changed.</summary>
    private async Task<bool> ApplyAsync(FeedIndex index, ArchiveEdit edit, List<FeedIndexChange> changes)
    {
        var changed = false;
        foreach (var change in changes)
        {
            if (change.Entry is not null && change.Title.Length > 0 && index.Title != change.Title)
            {
                index.Title = change.Title;
                changed = true;
            }

            var (list, position) = await edit.LocateAsync(change.ArticleId, change.FiledUnder).ConfigureAwait(false);
            if (change.Entry is not { } entry)
            {
                if (list is not null)
                {
                    list.RemoveAt(position);
                    edit.Touch(list);
                    changed = true;
                }

                continue;
            }

            if (list is not null)
            {
                var current = list[position];
                if (current.ContentHash == entry.ContentHash && current.Updated == entry.Updated && current.Published == entry.Published)
                {
                    continue;
                }

                list.RemoveAt(position);
                edit.Touch(list);
                if (edit.IsSealedPage(list) && current.Published == entry.Published)
                {
                    // A revision of an archived article stays on its page: the rare change RFC 5005 tolerates.
                    Insert(list, entry);
                    changed = true;
                    continue;
                }
            }

            Insert(index.Entries, entry);
            changed = true;
            Rebalance(index, edit);
        }

        if (changed)
        {
            Rebalance(index, edit);
        }

        return changed;
    }

    /// <summary>Keeps the head at its size: the oldest spill to the open page, the newest of the open page refill it; a full open page is sealed.</summary>
    private void Rebalance(FeedIndex index, ArchiveEdit edit)
    {
        while (index.Entries.Count > _headSize)
        {
            var oldest = index.Entries[^1];
            index.Entries.RemoveAt(index.Entries.Count - 1);
            Insert(index.Open, oldest);
        }

        while (index.Entries.Count < _headSize && index.Open.Count > 0)
        {
            var newest = index.Open[0];
            index.Open.RemoveAt(0);
            Insert(index.Entries, newest);
        }

        while (index.Open.Count >= _pageSize)
        {
            var sealedEntries = index.Open.GetRange(index.Open.Count - _pageSize, _pageSize);
            index.Open.RemoveRange(index.Open.Count - _pageSize, _pageSize);
            edit.Seal(sealedEntries);
        }
    }

    private static void Insert(List<FeedEntry> entries, FeedEntry entry)
    {
        var at = entries.BinarySearch(entry, NewestFirst);
        entries.Insert(at < 0 ? ~at : at, entry);
    }

    private void Remember(FeedKey key, StoredDocument<FeedIndex> head)
    {
        if (_written.Count >= MaxRememberedHeads)
        {
            _written.Clear();
        }

        _written[key] = head;
    }

    private async Task ChangedAsync(FeedKey key)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.FeedChangedAsync(key).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A listener's failure must not undo or fail the write it is told about.
            }
        }
    }

    private async Task DeletePagesAsync(FeedKey key, IEnumerable<string> blobs, CancellationToken cancellationToken)
    {
        foreach (var blob in blobs)
        {
            await store.DeletePageAsync(key, blob, cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<FeedEntry> NewestFirstCopy(List<FeedEntry> entries)
    {
        var copy = entries.ToList();
        copy.Sort(FeedEntry.NewestFirst);
        return copy;
    }

    private static bool SameEntries(List<FeedEntry> x, List<FeedEntry> y) =>
        x.Count == y.Count && x.Zip(y).All(p => p.First.Id == p.Second.Id && p.First.ContentHash == p.Second.ContentHash && p.First.Updated == p.Second.Updated);

    private static ArchivePageInfo Describe(int number, List<FeedEntry> entries, DateTimeOffset now) => new()
    {
        Number = number,
        Blob = $"{number}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}",
        Count = entries.Count,
        Oldest = entries.Count == 0 ? null : entries.Min(e => e.Published),
        Newest = entries.Count == 0 ? null : entries.Max(e => e.Published),
        LastModified = entries.Count == 0 ? now : entries.Max(e => e.Updated) is var newest && newest > now ? newest : now,
    };

    /// <summary>A feed's last change: the time of the write, never earlier than its newest entry update.</summary>
    private static DateTimeOffset LastModified(FeedIndex index, DateTimeOffset now)
    {
        var newest = index.Entries.Concat(index.Open).Select(e => e.Updated).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        return newest > now ? newest : now;
    }

    private static string ComputeVersion(FeedIndex index)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, index.Entries);
        hash.AppendData("|open|"u8);
        Append(hash, index.Open);
        foreach (var page in index.Pages)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("|" + page.Blob));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 12));

        static void Append(IncrementalHash hash, List<FeedEntry> entries)
        {
            foreach (var entry in entries)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(entry.Id));
                hash.AppendData(Encoding.UTF8.GetBytes(entry.ContentHash));
                hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(entry.Updated, FeedJsonContext.Default.DateTimeOffset));
            }
        }
    }

    /// <summary>The archive pages one write reads, changes and seals.</summary>
    private sealed class ArchiveEdit(FeedIndexStore store, FeedKey key, FeedIndex index)
    {
        private readonly Dictionary<int, List<FeedEntry>> _loaded = [];
        private readonly HashSet<int> _changed = [];

        public async Task<(List<FeedEntry>? List, int Position)> LocateAsync(string articleId, DateTimeOffset? filedUnder)
        {
            foreach (var list in new[] { index.Entries, index.Open }.Concat(_loaded.Values))
            {
                var position = list.FindIndex(e => e.Id == articleId);
                if (position >= 0)
                {
                    return (list, position);
                }
            }

            if (filedUnder is not { } published)
            {
                return (null, -1);
            }

            // The page table's date ranges name the page; when they do not (a write interrupted before this feed
            // was updated), every page is read: rare, and still correct.
            var candidates = index.Pages.Where(p => p.Covers(published)).Concat(index.Pages).Where(p => !_loaded.ContainsKey(p.Number)).Distinct().ToList();
            foreach (var page in candidates)
            {
                var entries = await LoadAsync(page).ConfigureAwait(false);
                var position = entries.FindIndex(e => e.Id == articleId);
                if (position >= 0)
                {
                    return (entries, position);
                }
            }

            return (null, -1);
        }

        public bool IsSealedPage(List<FeedEntry> list) => _loaded.ContainsValue(list);

        public void Touch(List<FeedEntry> list)
        {
            foreach (var (number, entries) in _loaded)
            {
                if (ReferenceEquals(entries, list))
                {
                    _changed.Add(number);
                }
            }
        }

        public void Seal(List<FeedEntry> entries)
        {
            var number = index.Pages.Count + 1;
            index.Pages.Add(new ArchivePageInfo { Number = number, Blob = "", Count = entries.Count, LastModified = DateTimeOffset.MinValue });
            _loaded[number] = entries;
            _changed.Add(number);
        }

        /// <summary>Writes every changed or new page under a fresh name and points the page table at it.</summary>
        public async Task<(List<string> Written, List<string> Superseded)> WritePagesAsync(DateTimeOffset now)
        {
            var written = new List<string>();
            var superseded = new List<string>();
            foreach (var number in _changed.Order())
            {
                var entries = _loaded[number];
                var info = Describe(number, entries, now);
                await store.PutPageAsync(key, info.Blob, new ArchivePage { Number = number, Entries = entries }).ConfigureAwait(false);
                written.Add(info.Blob);
                if (index.Pages[number - 1].Blob.Length > 0)
                {
                    superseded.Add(index.Pages[number - 1].Blob);
                }

                index.Pages[number - 1] = info;
            }

            return (written, superseded);
        }

        private async Task<List<FeedEntry>> LoadAsync(ArchivePageInfo page)
        {
            var stored = await store.GetPageAsync(key, page.Blob).ConfigureAwait(false)
                ?? throw new StaleHeadException();
            _loaded[page.Number] = stored.Entries;
            return stored.Entries;
        }
    }

    /// <summary>The head read names a page another writer has since replaced: start over from a fresh read.</summary>
    private sealed class StaleHeadException : Exception;

    private sealed class FeedQueue(FeedKey key)
    {
        public FeedKey Key { get; } = key;

        public List<PendingChange> Pending { get; set; } = [];

        public bool Running { get; set; }
    }

    private sealed class PendingChange(IReadOnlyList<FeedIndexChange> changes)
    {
        public IReadOnlyList<FeedIndexChange> Changes { get; } = changes;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
