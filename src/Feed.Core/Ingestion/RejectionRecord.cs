using Feed.Core.Articles;

namespace Feed.Core.Ingestion;

/// <summary>Why an uploaded file was not accepted. Kept until a fixed version of the file is ingested.</summary>
public sealed class RejectionRecord
{
    public required string File { get; init; }

    public required string ETag { get; init; }

    public required DateTimeOffset RejectedAt { get; init; }

    public required IReadOnlyList<ArticleDiagnostic> Errors { get; init; }

    public IReadOnlyList<ArticleDiagnostic> Warnings { get; init; } = [];
}
