namespace Feed.Core.Feeds;

/// <summary>One line of the catalog: a feed, its title, how many entries it has and when it last changed.</summary>
public sealed record FeedSummary(FeedKey Key, string Title, int Count, DateTimeOffset LastModified)
{
    /// <summary>Publication date of the feed's newest article; null for a feed stored before it was recorded.</summary>
    public DateTimeOffset? NewestPublished { get; init; }

    /// <summary>An image of one of the feed's newest articles, for the catalog's thumbnail.</summary>
    public string? ImageUrl { get; init; }
}
