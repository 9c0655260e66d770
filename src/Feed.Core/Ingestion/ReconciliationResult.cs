namespace Feed.Core.Ingestion;

/// <summary>What one reconciliation pass found and did.</summary>
public sealed record ReconciliationResult(int Uploads, int Ingested, int Removed, int Failed);
