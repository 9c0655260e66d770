using System.Collections.Concurrent;
using Feed.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Feed.Core.Feeds;

/// <summary>
/// Folds pending feed changes into the feeds in batches: whichever process holds the fold lease lists
/// <c>pending/</c>, applies every change of the batch to each feed it touches in one head write per feed, then
/// deletes the batch. A process that cannot get the lease leaves its changes to the holder, which lists again after
/// releasing it, so a change stored while the lease was held is never left behind.
/// </summary>
/// <remarks>
/// Before applying a batch the holder writes its names into the lease blob's manifest; a fold interrupted before
/// deleting its batch leaves them there, and the next holder applies those changes as possibly filed already
/// (<see cref="FeedIndexChange.AssumingFiled"/>), so that a new entry archived by the interrupted fold is found on
/// its page instead of being filed a second time.
/// </remarks>
public sealed partial class FeedChangeFolder(PendingChangeStore pending, FoldLease lease, FeedIndexWriter writer, ILogger<FeedChangeFolder> logger)
{
    private const int MaxRemembered = 20_000;

    private readonly ConcurrentDictionary<string, PendingFeedChange> _written = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiting;
    private bool _running;
    private long _batches;
    private long _folded;
    private long _leaseBusy;
    private long _failures;

    /// <summary>Most pending changes applied in one batch.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Feed writes run at once within a batch (one per feed).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 8;

    /// <summary>Batches this process folded.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Pending changes this process folded (its own and other processes').</summary>
    public long Folded => Interlocked.Read(ref _folded);

    /// <summary>Attempts to take the lease that found another process holding it.</summary>
    public long LeaseBusy => Interlocked.Read(ref _leaseBusy);

    /// <summary>Folds that failed (a storage error, or a feed write that lost to other writers every time); their changes stay pending.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Stores <paramref name="change"/> durably; from then on it reaches its feeds even if this process dies.</summary>
    public async Task AddAsync(PendingFeedChange change, CancellationToken cancellationToken = default)
    {
        var name = await pending.PutAsync(change, cancellationToken).ConfigureAwait(false);
        if (_written.Count >= MaxRemembered)
        {
            // Changes folded by other processes are never seen here again; forget them now and then.
            _written.Clear();
        }

        _written[name] = change;
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
            var unfinished = await FoldUnderAsync(handle, cancellationToken).ConfigureAwait(false);
            await action(cancellationToken).ConfigureAwait(false);
            unfinished.UnionWith(await pending.ListAsync(int.MaxValue, cancellationToken).ConfigureAwait(false));
            if (!await handle.WriteManifestAsync(new FoldManifest { Unfinished = [.. unfinished.Order(StringComparer.Ordinal)] }, cancellationToken).ConfigureAwait(false))
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

    /// <summary>Takes the lease and folds until nothing is pending; then lists once more after releasing it.</summary>
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
        if ((await pending.ListAsync(1).ConfigureAwait(false)).Count > 0)
        {
            lock (_gate)
            {
                _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Folds batches until none is left; returns the names still unfinished (only when the lease was lost).</summary>
    private async Task<HashSet<string>> FoldUnderAsync(FoldLeaseHandle handle, CancellationToken cancellationToken, bool completeWaiting = false)
    {
        writer.ForgetWrittenHeads();
        var manifest = await handle.ReadManifestAsync(cancellationToken).ConfigureAwait(false);
        var unfinished = manifest.Unfinished.ToHashSet(StringComparer.Ordinal);
        var manifestDirty = false;
        while (!handle.Lost)
        {
            var waiting = completeWaiting ? TakeWaiting() : null;
            var names = await pending.ListAsync(BatchSize, cancellationToken).ConfigureAwait(false);
            var listed = names.ToHashSet(StringComparer.Ordinal);
            if (names.Count < BatchSize && unfinished.RemoveWhere(name => !listed.Contains(name)) > 0)
            {
                manifestDirty = true;
            }

            if (names.Count == 0)
            {
                waiting?.TrySetResult();
                break;
            }

            var suspects = names.Where(unfinished.Contains).ToHashSet(StringComparer.Ordinal);
            unfinished.UnionWith(names);
            if (!await handle.WriteManifestAsync(new FoldManifest { Unfinished = [.. unfinished] }, cancellationToken).ConfigureAwait(false))
            {
                waiting?.TrySetResult();
                break;
            }

            try
            {
                await FoldBatchAsync(names, suspects, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                waiting?.TrySetException(exception);
                throw;
            }

            unfinished.ExceptWith(names);
            manifestDirty = true;
            waiting?.TrySetResult();
        }

        if (manifestDirty && !handle.Lost)
        {
            await handle.WriteManifestAsync(new FoldManifest { Unfinished = [.. unfinished] }, cancellationToken).ConfigureAwait(false);
        }

        return unfinished;
    }

    private async Task FoldBatchAsync(List<string> names, HashSet<string> suspects, CancellationToken cancellationToken)
    {
        var changes = new PendingFeedChange?[names.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), parallel, async (i, token) =>
            changes[i] = _written.TryGetValue(names[i], out var known) ? known : await pending.GetAsync(names[i], token).ConfigureAwait(false)).ConfigureAwait(false);

        var byFeed = new Dictionary<FeedKey, List<FeedIndexChange>>();
        for (var i = 0; i < names.Count; i++)
        {
            foreach (var (key, change) in changes[i]?.Changes() ?? [])
            {
                if (!byFeed.TryGetValue(key, out var list))
                {
                    byFeed[key] = list = [];
                }

                list.Add(suspects.Contains(names[i]) ? change.AssumingFiled() : change);
            }
        }

        parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(byFeed, parallel, async (feed, token) =>
            await writer.ApplyAsync(feed.Key, feed.Value, token).ConfigureAwait(false)).ConfigureAwait(false);

        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (name, token) =>
        {
            await pending.DeleteAsync(name, token).ConfigureAwait(false);
            _written.TryRemove(name, out _);
        }).ConfigureAwait(false);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _folded, names.Count);
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
