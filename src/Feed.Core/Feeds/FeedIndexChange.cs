namespace Feed.Core.Feeds;

/// <summary>
/// One change to a feed: add or replace an entry, or remove an article. <see cref="FiledUnder"/> is the publication
/// date the feed has held the article under, when it was in this feed before: it finds the archive page holding it
/// without reading every page.
/// </summary>
public sealed record FeedIndexChange(string ArticleId, FeedEntry? Entry, string Title, DateTimeOffset? FiledUnder = null)
{
    public static FeedIndexChange Upsert(FeedEntry entry, string title, DateTimeOffset? filedUnder = null) => new(entry.Id, entry, title, filedUnder);

    /// <summary>
    /// This change as one that may have been applied already: a new entry is then looked for under its own date (on
    /// the archive pages too) before it is filed, so that applying it twice cannot list it twice.
    /// </summary>
    public FeedIndexChange AssumingFiled() => Entry is not null && FiledUnder is null ? this with { FiledUnder = Entry.Published } : this;

    public static FeedIndexChange Remove(string articleId, DateTimeOffset? filedUnder = null) => new(articleId, null, "", filedUnder);
}
