namespace Feed.Core.Feeds;

/// <summary>What the head knows of one full archive page: where it is stored and which dates it covers.</summary>
public sealed class ArchivePageInfo
{
    /// <summary>1 for the oldest page.</summary>
    public required int Number { get; init; }

    /// <summary>
    /// The blob name of this version of the page. Never reused: a changed page is written under a new name and the
    /// head switched to it, so concurrent writers never overwrite each other's pages.
    /// </summary>
    public required string Blob { get; init; }

    public required int Count { get; init; }

    /// <summary>Oldest publication date on the page; null when every entry was removed.</summary>
    public DateTimeOffset? Oldest { get; init; }

    public DateTimeOffset? Newest { get; init; }

    /// <summary>When the page's content last changed.</summary>
    public required DateTimeOffset LastModified { get; init; }

    public bool Covers(DateTimeOffset published) => Oldest is { } oldest && Newest is { } newest && oldest <= published && published <= newest;
}
