namespace Feed.Core.Feeds;

/// <summary>One feed a <see cref="PendingFeedChange"/> touches.</summary>
public sealed class PendingFeedTarget
{
    public required FeedKind Kind { get; init; }

    public required string Key { get; init; }

    /// <summary>The feed's title as this article names it (empty for a removal).</summary>
    public string Title { get; init; } = "";

    /// <summary>The publication date the feed held the article under before this change, when it held it.</summary>
    public DateTimeOffset? FiledUnder { get; init; }

    public bool Remove { get; init; }
}
