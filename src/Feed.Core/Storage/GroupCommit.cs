namespace Feed.Core.Storage;

/// <summary>
/// Writes many callers' items in few requests: items submitted while a write is under way are written together by
/// the next one (up to <see cref="MaxItems"/>), so none waits longer than one write for another, and a burst of
/// callers costs storage a handful of requests instead of one each.
/// </summary>
/// <typeparam name="TItem">What a caller submits.</typeparam>
/// <typeparam name="TResult">What the write says about each item, in the order given.</typeparam>
public sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write)
{
    private readonly Lock _gate = new();
    private List<(TItem Item, TaskCompletionSource<TResult> Written)> _queue = [];
    private bool _writing;
    private int _lastWriteItems;

    /// <summary>Most items written by one request.</summary>
    public int MaxItems { get; init; } = 100;

    /// <summary>
    /// Under load (the last write carried more than one item), how long a write waits for more items before it starts:
    /// a few milliseconds more for each caller, and several times fewer requests.
    /// </summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Writes <paramref name="item"/> with whatever else is submitted at the same moment; fails if its write fails.</summary>
    public Task<TResult> SubmitAsync(TItem item, CancellationToken cancellationToken = default)
    {
        var written = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _queue.Add((item, written));
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }

        return written.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            if (_lastWriteItems > 1 && Linger > TimeSpan.Zero)
            {
                await Task.Delay(Linger).ConfigureAwait(false);
            }

            List<(TItem Item, TaskCompletionSource<TResult> Written)> taken;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    // The burst is over: the next item, alone, is written at once.
                    _lastWriteItems = 0;
                    _writing = false;
                    return;
                }

                taken = _queue.Count <= MaxItems ? _queue : _queue[..MaxItems];
                _queue = _queue.Count <= MaxItems ? [] : _queue[MaxItems..];
            }

            _lastWriteItems = taken.Count;
            try
            {
                var results = await write([.. taken.Select(entry => entry.Item)]).ConfigureAwait(false);
                for (var i = 0; i < taken.Count; i++)
                {
                    taken[i].Written.TrySetResult(results[i]);
                }
            }
            catch (Exception exception)
            {
                taken.ForEach(entry => entry.Written.TrySetException(exception));
            }
        }
    }
}
