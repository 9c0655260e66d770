using Feed.Core.Feeds;
using Feed.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Feed.Core.WebSub;

/// <summary>
/// Turns "a feed changed" into a Distribute message on the hub's queue. Changes of one feed that arrive within
/// <see cref="Window"/> make one message (a bulk upload does not send one per article); the write path never waits.
/// </summary>
public sealed class FeedChangeNotifier(HubQueue queue, ILogger<FeedChangeNotifier> logger) : IFeedChangeListener
{
    private readonly HashSet<FeedKey> _pending = [];
    private Task _flush = Task.CompletedTask;

    /// <summary>How long changes are gathered before their messages are sent.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMilliseconds(20);

    public Task FeedChangedAsync(FeedKey key, CancellationToken cancellationToken = default)
    {
        FeedChanged(key);
        return Task.CompletedTask;
    }

    /// <summary>Notes the change of <paramref name="key"/>; its message goes out with the others of the next <see cref="Window"/>.</summary>
    public void FeedChanged(FeedKey key)
    {
        lock (_pending)
        {
            if (_pending.Add(key) && _pending.Count == 1)
            {
                _flush = Task.Run(FlushAsync);
            }
        }
    }

    /// <summary>Completes once every change notified so far was sent (for one-shot commands before they exit).</summary>
    public Task WhenSentAsync()
    {
        lock (_pending)
        {
            return _flush;
        }
    }

    private async Task FlushAsync()
    {
        await Task.Delay(Window).ConfigureAwait(false);
        FeedKey[] keys;
        lock (_pending)
        {
            keys = [.. _pending];
            _pending.Clear();
        }

        foreach (var key in keys)
        {
            try
            {
                await queue.SendAsync(new HubMessage { Kind = HubMessageKind.Distribute, Partition = SubscriptionKeys.Partition(key) }).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageFailure.Is(exception))
            {
                logger.LogWarning("WebSub: the change of feed {Feed} could not be queued for its subscribers ({Reason})", key, StorageFailure.Reason(exception));
            }
        }
    }
}
