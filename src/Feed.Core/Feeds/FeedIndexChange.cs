namespace Feed.Core.Feeds;

/// <summary>One change to a feed: add or replace an entry, or remove an article.</summary>
public sealed record FeedIndexChange(string ArticleId, FeedEntry? Entry, string Title)
{
    public static FeedIndexChange Upsert(FeedEntry entry, string title) => new(entry.Id, entry, title);

    public static FeedIndexChange Remove(string articleId) => new(articleId, null, "");
}
