namespace Feed.Core.Ingestion;

/// <summary>What ingestion last did with one uploaded blob version; makes repeated deliveries no-ops.</summary>
public sealed class SourceRecord
{
    public required string BlobName { get; init; }

    /// <summary>The ETag of the blob version this record is about.</summary>
    public required string ETag { get; init; }

    public required IngestionOutcome Outcome { get; init; }

    /// <summary>The article this blob holds: the one ingested, or the last good one when a later version was rejected.</summary>
    public string? ArticleId { get; init; }

    public required DateTimeOffset ProcessedAt { get; init; }
}
