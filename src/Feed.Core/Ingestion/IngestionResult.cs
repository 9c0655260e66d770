using Feed.Core.Articles;

namespace Feed.Core.Ingestion;

/// <summary>What one ingestion did, for logs and callers.</summary>
public sealed record IngestionResult(
    string BlobName,
    string? ETag,
    IngestionOutcome Outcome,
    string? ArticleId,
    IReadOnlyList<ArticleDiagnostic> Diagnostics,
    TimeSpan Duration);
