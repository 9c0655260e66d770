namespace Feed.Core.Feeds;

public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}
