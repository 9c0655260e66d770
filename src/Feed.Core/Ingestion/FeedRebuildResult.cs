namespace Feed.Core.Ingestion;

/// <summary>What a rebuild found: stored articles, feeds rebuilt, and feeds deleted because no article has them.</summary>
public sealed record FeedRebuildResult(int Articles, int Feeds, int Deleted);
