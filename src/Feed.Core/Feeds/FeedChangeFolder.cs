using Feed.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Feed.Core.Feeds;

/// <summary>
/// Folds pending feed changes into the feeds in batches: whichever process holds the fold lease lists the pending logs
/// (<see cref="PendingChangeLog"/>), reads what each holds past the point folded so far, applies every change of the
/// batch to each feed it touches in one head write per feed, then records in the lease blob's manifest how far each
/// log is folded. A process that cannot get the lease leaves its changes to the holder, which lists again after
/// releasing it, so a change stored while the lease was held is never left behind.
/// </summary>
/// <remarks>
/// Before applying a batch the holder records in the manifest where the batch ends in each log; a fold interrupted
/// before recording the batch as folded leaves that mark, and the next holder applies the changes below it as possibly
/// filed already (<see cref="FeedIndexChange.AssumingFiled"/>), so that a new entry archived by the interrupted fold is
/// found on its page instead of being filed a second time.
/// </remarks>
public sealed partial class FeedChangeFolder(PendingChangeLog pending, FoldLease lease, FeedIndexWriter writer, ILogger<FeedChangeFolder> logger, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiting;
    private bool _running;
    private long _batches;
    private long _folded;
    private long _leaseBusy;
    private long _failures;
    private long _lastBatchStarted;
    private int _lastBatchChanges;
    private long _lastChangeAdded;

    /// <summary>Most bytes of pending logs read into one batch (a change takes about a kilobyte).</summary>
    public long BatchBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Feed writes run at once within a batch (one per feed).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 8;

    /// <summary>How long after its creation a folded log is deleted: by then its writer has moved on to a new one.</summary>
    public TimeSpan DeleteFoldedLogsAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Under load (the last batch held at least <see cref="BusyBatchChanges"/> changes), the least time between the
    /// starts of two batches folded by this process: changes stored meanwhile wait for the next, so that each feed's
    /// head is written once per interval rather than once per few changes. A trickle of changes is folded at once.
    /// </summary>
    public TimeSpan MinFoldInterval { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The size of a batch that tells the next one to wait for <see cref="MinFoldInterval"/>.</summary>
    public int BusyBatchChanges { get; init; } = 16;

    /// <summary>
    /// How long without a change added by this process ends the wait for <see cref="MinFoldInterval"/>: the burst is
    /// over, and its last changes are folded at once instead of waiting out the interval.
    /// </summary>
    public TimeSpan BurstEndsAfter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Batches this process folded.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Pending changes this process folded (its own and other processes').</summary>
    public long Folded => Interlocked.Read(ref _folded);

    /// <summary>Attempts to take the lease that found another process holding it.</summary>
    public long LeaseBusy => Interlocked.Read(ref _leaseBusy);

    /// <summary>Folds that failed (a storage error, or a feed write that lost to other writers every time); their changes stay pending.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Stores <paramref name="change"/> durably; from then on it reaches its feeds even if this process dies.</summary>
    public Task AddAsync(PendingFeedChange change, CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _lastChangeAdded, _time.GetTimestamp());
        return pending.AppendAsync(change, cancellationToken);
    }

    /// <summary>Starts a fold (see <see cref="FoldAsync"/>) without waiting for it; a failure is logged and counted.</summary>
    public void RequestFold() =>
        _ = FoldAsync().ContinueWith(static task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>
    /// Completes once every change stored before the call is in its feeds, or is left to the process that holds the
    /// lease (which lists pending changes after it releases it).
    /// </summary>
    public Task FoldAsync(CancellationToken cancellationToken = default)
    {
        Task waiting;
        bool start;
        lock (_gate)
        {
            _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = _waiting.Task;
            start = !_running;
            _running = true;
        }

        if (start)
        {
            _ = Task.Run(RunAsync, CancellationToken.None);
        }

        return waiting.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="action"/> while holding the lease (waiting for it), after folding what is pending; changes
    /// stored meanwhile are folded afterwards as possibly filed already, since the action may have filed them.
    /// </summary>
    public async Task RunExclusiveAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken = default)
    {
        FoldLeaseHandle? handle;
        while ((handle = await lease.TryAcquireAsync(cancellationToken).ConfigureAwait(false)) is null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }

        await using (handle.ConfigureAwait(false))
        {
            var manifest = await FoldUnderAsync(handle, cancellationToken).ConfigureAwait(false);
            await action(cancellationToken).ConfigureAwait(false);
            foreach (var segment in await pending.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                manifest.InProgress[segment.Name] = segment.Length;
            }

            if (!await handle.WriteManifestAsync(manifest, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("the fold lease was lost while the feeds were rebuilt; run it again");
            }
        }

        await FoldAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _running = false;
                    return;
                }
            }

            try
            {
                await HoldAndFoldAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Interlocked.Increment(ref _failures);
                LogFoldFailed(logger, exception);
                TakeWaiting()?.TrySetException(exception);
            }
        }
    }

    /// <summary>Takes the lease and folds until nothing is pending; then looks once more after releasing it.</summary>
    private async Task HoldAndFoldAsync()
    {
        var handle = await lease.TryAcquireAsync().ConfigureAwait(false);
        if (handle is null)
        {
            Interlocked.Increment(ref _leaseBusy);
            TakeWaiting()?.TrySetResult();
            return;
        }

        await using (handle.ConfigureAwait(false))
        {
            await FoldUnderAsync(handle, default, completeWaiting: true).ConfigureAwait(false);
        }

        // A change stored while the lease was held, by a process that then found it busy, is this process's to fold.
        if (await pending.CountUnfoldedAsync(await lease.ReadManifestAsync().ConfigureAwait(false)).ConfigureAwait(false) > 0)
        {
            lock (_gate)
            {
                _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Folds batches until none is left and deletes the logs folded and no longer written; returns the manifest as it stands.</summary>
    private async Task<FoldManifest> FoldUnderAsync(FoldLeaseHandle handle, CancellationToken cancellationToken, bool completeWaiting = false)
    {
        writer.ForgetWrittenHeads();
        var manifest = await handle.ReadManifestAsync(cancellationToken).ConfigureAwait(false);
        var suspectBelow = new Dictionary<string, long>(manifest.InProgress, StringComparer.Ordinal);
        foreach (var name in manifest.Unfinished ?? [])
        {
            suspectBelow[name] = long.MaxValue;
        }

        manifest.Unfinished = null;
        while (!handle.Lost)
        {
            TimeSpan rest;
            while (_lastBatchChanges >= BusyBatchChanges
                && (rest = MinFoldInterval - _time.GetElapsedTime(_lastBatchStarted)) > TimeSpan.Zero
                && _time.GetElapsedTime(Interlocked.Read(ref _lastChangeAdded)) < BurstEndsAfter)
            {
                await Task.Delay(rest < BurstEndsAfter ? rest : BurstEndsAfter, _time, cancellationToken).ConfigureAwait(false);
            }

            var started = _time.GetTimestamp();
            var waiting = completeWaiting ? TakeWaiting() : null;
            var segments = await pending.ListAsync(cancellationToken).ConfigureAwait(false);
            Forget(manifest, segments);
            var batch = new List<PendingLogSegment>();
            long bytes = 0;
            foreach (var segment in segments.Where(segment => !segment.IsFoldedIn(manifest)))
            {
                batch.Add(segment);
                bytes += segment.Length - manifest.Folded.GetValueOrDefault(segment.Name);
                if (bytes >= BatchBytes)
                {
                    break;
                }
            }

            if (batch.Count == 0)
            {
                await DeleteFoldedLogsAsync(handle, manifest, segments, cancellationToken).ConfigureAwait(false);
                waiting?.TrySetResult();
                break;
            }

            foreach (var segment in batch)
            {
                manifest.InProgress[segment.Name] = segment.Length;
            }

            if (!await handle.WriteManifestAsync(manifest, cancellationToken).ConfigureAwait(false))
            {
                waiting?.TrySetResult();
                break;
            }

            _lastBatchStarted = started;
            try
            {
                _lastBatchChanges = await FoldBatchAsync(batch, manifest, suspectBelow, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                waiting?.TrySetException(exception);
                throw;
            }

            foreach (var segment in batch)
            {
                manifest.Folded[segment.Name] = segment.Length;
                manifest.InProgress.Remove(segment.Name);
            }

            if (!await handle.WriteManifestAsync(manifest, cancellationToken).ConfigureAwait(false))
            {
                waiting?.TrySetResult();
                break;
            }

            waiting?.TrySetResult();
        }

        return manifest;
    }

    /// <summary>Applies the batch; returns the number of changes it held.</summary>
    private async Task<int> FoldBatchAsync(List<PendingLogSegment> batch, FoldManifest manifest, Dictionary<string, long> suspectBelow, CancellationToken cancellationToken)
    {
        var read = new List<LoggedFeedChange>[batch.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), parallel, async (i, token) =>
            read[i] = await pending.ReadAsync(batch[i], manifest.Folded.GetValueOrDefault(batch[i].Name), token).ConfigureAwait(false)).ConfigureAwait(false);

        var byFeed = new Dictionary<FeedKey, List<FeedIndexChange>>();
        var count = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var suspectEnd = suspectBelow.GetValueOrDefault(batch[i].Name, -1);
            foreach (var logged in read[i])
            {
                count++;
                foreach (var (key, change) in logged.Change.Changes())
                {
                    if (!byFeed.TryGetValue(key, out var list))
                    {
                        byFeed[key] = list = [];
                    }

                    list.Add(logged.Offset < suspectEnd ? change.AssumingFiled() : change);
                }
            }
        }

        parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(byFeed, parallel, async (feed, token) =>
            await writer.ApplyAsync(feed.Key, feed.Value, token).ConfigureAwait(false)).ConfigureAwait(false);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _folded, count);
        return count;
    }

    /// <summary>
    /// Deletes the logs folded to their end whose writer has moved on (single changes of the earlier layout at once);
    /// a log written to after it was listed keeps its ETag no longer and stays.
    /// </summary>
    private async Task DeleteFoldedLogsAsync(FoldLeaseHandle handle, FoldManifest manifest, List<PendingLogSegment> segments, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var done = segments.Where(segment => segment.IsFoldedIn(manifest) && (segment.IsSingleChange || now - segment.Created >= DeleteFoldedLogsAfter)).ToList();
        if (done.Count == 0 || handle.Lost)
        {
            return;
        }

        var deleted = 0;
        foreach (var segment in done)
        {
            if (await pending.DeleteAsync(segment, cancellationToken).ConfigureAwait(false))
            {
                manifest.Folded.Remove(segment.Name);
                manifest.InProgress.Remove(segment.Name);
                deleted++;
            }
        }

        if (deleted > 0)
        {
            await handle.WriteManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Drops from the manifest the logs that are gone.</summary>
    private static void Forget(FoldManifest manifest, List<PendingLogSegment> segments)
    {
        var present = segments.Select(segment => segment.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var marks in new[] { manifest.Folded, manifest.InProgress })
        {
            foreach (var name in marks.Keys.Where(name => !present.Contains(name)).ToList())
            {
                marks.Remove(name);
            }
        }
    }

    private TaskCompletionSource? TakeWaiting()
    {
        lock (_gate)
        {
            var waiting = _waiting;
            _waiting = null;
            return waiting;
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Folding pending feed changes failed; the next ingestion or reconciliation pass tries again")]
    private static partial void LogFoldFailed(ILogger logger, Exception exception);
}
