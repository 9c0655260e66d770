namespace Feed.Core.Feeds;

/// <summary>
/// The stored state of one feed: its entries, newest first. One blob per feed, kept up to date at ingestion,
/// so that serving a feed is one read whatever the number of articles.
/// </summary>
public sealed class FeedIndex
{
    public required FeedKind Kind { get; init; }

    public required string Key { get; init; }

    public required string Title { get; set; }

    /// <summary>When the feed's entries last changed: an entry added, changed or removed.</summary>
    public required DateTimeOffset LastModified { get; set; }

    /// <summary>Hash of the entries; changes exactly when the feed's content does.</summary>
    public string Version { get; set; } = "";

    public List<FeedEntry> Entries { get; init; } = [];

    public FeedKey FeedKey => new(Kind, Key);
}
