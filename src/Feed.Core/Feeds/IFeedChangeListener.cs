namespace Feed.Core.Feeds;

/// <summary>
/// Told after a feed changed in storage (its head was written with a new version, or the feed was deleted), in the
/// process that wrote it. Register implementations in the service collection; each is awaited in turn, so it should
/// hand slow work (e.g. notifying subscribers) to a queue of its own. An exception it throws is ignored.
/// </summary>
public interface IFeedChangeListener
{
    Task FeedChangedAsync(FeedKey key, CancellationToken cancellationToken = default);
}
