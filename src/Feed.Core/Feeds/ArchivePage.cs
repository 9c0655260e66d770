namespace Feed.Core.Feeds;

/// <summary>One stored archive page: its entries, newest first.</summary>
public sealed class ArchivePage
{
    public required int Number { get; init; }

    public List<FeedEntry> Entries { get; init; } = [];
}
