using System.Text.Json.Serialization;

namespace Feed.Core.Feeds;

/// <summary>
/// The stored state of one feed (RFC 5005 archived feed): the newest entries (the head, what the subscription
/// document shows), the open archive page (entries pushed out of the head, until a page is full) and the table of
/// full archive pages, each stored in a blob of its own. One blob per feed, kept up to date at ingestion, so that
/// serving a feed is one read whatever the number of articles.
/// </summary>
public sealed class FeedIndex
{
    public required FeedKind Kind { get; init; }

    public required string Key { get; init; }

    public required string Title { get; set; }

    /// <summary>When the feed's entries last changed: an entry added, changed or removed.</summary>
    public required DateTimeOffset LastModified { get; set; }

    /// <summary>Hash of the head, the open page and the page table; changes exactly when the feed's content does.</summary>
    public string Version { get; set; } = "";

    /// <summary>The head: the newest entries, newest first.</summary>
    public List<FeedEntry> Entries { get; init; } = [];

    /// <summary>The open archive page (number <c>Pages.Count + 1</c>), newest first; sealed into a page when full.</summary>
    public List<FeedEntry> Open { get; init; } = [];

    /// <summary>The full archive pages, oldest (number 1) first.</summary>
    public List<ArchivePageInfo> Pages { get; init; } = [];

    [JsonIgnore]
    public FeedKey FeedKey => new(Kind, Key);

    /// <summary>Every entry of the feed: head, open page and full pages.</summary>
    [JsonIgnore]
    public int TotalCount => Entries.Count + Open.Count + Pages.Sum(p => p.Count);

    /// <summary>
    /// How many archive pages are served: the full ones and the open one, which exists as soon as anything left the
    /// head (even empty just after a seal), so that every full page always has its <c>next-archive</c>.
    /// </summary>
    [JsonIgnore]
    public int ArchivePageCount => Pages.Count > 0 || Open.Count > 0 ? Pages.Count + 1 : 0;
}
