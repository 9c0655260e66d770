namespace Feed.Core.Ingestion;

/// <summary>What one reconciliation pass found and did, and how long listing the uploads took it.</summary>
public sealed record ReconciliationResult(int Uploads, int Ingested, int Removed, int Failed, TimeSpan Listing = default);
