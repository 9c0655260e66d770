using Feed.Core.Feeds;

namespace Feed.Core.Http;

/// <summary>Drops what this process cached of a feed as soon as it wrote a new version of it.</summary>
public sealed class FeedIndexCacheInvalidation(FeedIndexCache cache) : IFeedChangeListener
{
    public Task FeedChangedAsync(FeedKey key, CancellationToken cancellationToken = default)
    {
        cache.Invalidate(key);
        return Task.CompletedTask;
    }
}
