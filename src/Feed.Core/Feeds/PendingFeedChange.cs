namespace Feed.Core.Feeds;

/// <summary>
/// What one ingestion asks of the feeds, stored durably before the feeds are touched and folded into them later, in
/// a batch with others: the article's entry (once, whatever the number of feeds) and, per feed, whether it is filed
/// there or removed from there.
/// </summary>
public sealed class PendingFeedChange
{
    public required string ArticleId { get; init; }

    /// <summary>The entry to file; null when the article only leaves feeds.</summary>
    public FeedEntry? Entry { get; init; }

    public List<PendingFeedTarget> Feeds { get; init; } = [];

    /// <summary>The change as each feed applies it.</summary>
    public IEnumerable<(FeedKey Key, FeedIndexChange Change)> Changes() =>
        Feeds.Select(feed => (
            new FeedKey(feed.Kind, feed.Key),
            feed.Remove || Entry is null
                ? FeedIndexChange.Remove(ArticleId, feed.FiledUnder)
                : FeedIndexChange.Upsert(Entry, feed.Title, feed.FiledUnder)));
}
