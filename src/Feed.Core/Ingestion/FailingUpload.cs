namespace Feed.Core.Ingestion;

/// <summary>One upload whose ingestion keeps failing: since when, how often, why, and when it is tried next.</summary>
public sealed record FailingUpload(string Name, int Attempts, DateTimeOffset FirstFailure, DateTimeOffset LastFailure, string Reason, DateTimeOffset NextAttempt);
