namespace Feed.Core.Feeds;

/// <summary>One line of the catalog: a feed, its title, how many entries it has and when it last changed.</summary>
public sealed record FeedSummary(FeedKey Key, string Title, int Count, DateTimeOffset LastModified);
