using Feed.Core.Feeds;
using Feed.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Feed.Core.WebSub;

/// <summary>
/// Turns "a feed changed" into a Distribute message on the hub's queue, for feeds that have subscribers. Changes of
/// one feed that arrive within <see cref="Window"/> make one message (a bulk upload does not send one per article);
/// the write path never waits. Which feeds have subscribers is read from the table at most every
/// <see cref="SubscribedFeedsRefresh"/> (and learnt at once from this process's own verifications), so feeds nobody
/// subscribed to cost no queue traffic. Queue and table are resolved on first use, so that a writer without them (a
/// test on blob storage alone) still writes.
/// </summary>
public sealed class FeedChangeNotifier(Func<HubQueue> queue, Func<SubscriptionStore> subscriptions, TimeProvider timeProvider, ILogger<FeedChangeNotifier> logger)
    : IFeedChangeListener
{
    private readonly HashSet<FeedKey> _pending = [];
    private Task _flush = Task.CompletedTask;
    private HashSet<string> _subscribed = new(StringComparer.Ordinal);
    private DateTimeOffset _subscribedRead = DateTimeOffset.MinValue;

    /// <summary>How long the list of feeds with subscribers is used before it is read again.</summary>
    public TimeSpan SubscribedFeedsRefresh { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Notes that the feed of <paramref name="partition"/> now has a subscriber (verified in this process).</summary>
    public void Subscribed(string partition)
    {
        lock (_pending)
        {
            _subscribed = new HashSet<string>(_subscribed, StringComparer.Ordinal) { partition };
        }
    }

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

        HubQueue hubQueue;
        HashSet<string> subscribed;
        try
        {
            hubQueue = queue();
            subscribed = await SubscribedAsync(subscriptions()).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            logger.LogWarning("WebSub: {Count} feed changes not queued for subscribers: {Reason}", keys.Length, exception.Message);
            return;
        }

        foreach (var key in keys.Where(k => subscribed.Contains(SubscriptionKeys.Partition(k))))
        {
            try
            {
                await hubQueue.SendAsync(new HubMessage { Kind = HubMessageKind.Distribute, Partition = SubscriptionKeys.Partition(key) }).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageFailure.Is(exception))
            {
                logger.LogWarning("WebSub: the change of feed {Feed} could not be queued for its subscribers ({Reason})", key, StorageFailure.Reason(exception));
            }
        }
    }

    private async Task<HashSet<string>> SubscribedAsync(SubscriptionStore store)
    {
        if (timeProvider.GetUtcNow() - _subscribedRead < SubscribedFeedsRefresh)
        {
            return _subscribed;
        }

        try
        {
            var read = await store.ListSubscribedAsync().ConfigureAwait(false);
            lock (_pending)
            {
                read.UnionWith(_subscribed);
                _subscribed = read;
                _subscribedRead = timeProvider.GetUtcNow();
            }
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            logger.LogWarning("WebSub: the feeds with subscribers could not be read ({Reason}); using the last list", StorageFailure.Reason(exception));
        }

        return _subscribed;
    }
}
