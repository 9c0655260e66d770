namespace Feed.Core.Ingestion;

/// <summary>Counts of what ingestion did since the process started, and what keeps failing, for the health endpoint.</summary>
public sealed class IngestionCounters(TimeProvider timeProvider)
{
    private long _ingested;
    private long _unchanged;
    private long _rejected;
    private long _removed;
    private long _retried;

    /// <summary>Uploads whose ingestion failed and has not succeeded since: unlike <see cref="Retried"/>, these clear.</summary>
    public FailingUploads Failing { get; } = new(timeProvider);

    public long Ingested => Interlocked.Read(ref _ingested);

    public long Unchanged => Interlocked.Read(ref _unchanged);

    public long Rejected => Interlocked.Read(ref _rejected);

    public long Removed => Interlocked.Read(ref _removed);

    /// <summary>Ingestions that failed transiently and were handed back to be retried.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    public void Count(IngestionOutcome outcome)
    {
        switch (outcome)
        {
            case IngestionOutcome.Ingested:
                Interlocked.Increment(ref _ingested);
                break;
            case IngestionOutcome.Unchanged:
                Interlocked.Increment(ref _unchanged);
                break;
            case IngestionOutcome.Rejected:
                Interlocked.Increment(ref _rejected);
                break;
            case IngestionOutcome.Removed or IngestionOutcome.Missing:
                Interlocked.Increment(ref _removed);
                break;
        }
    }

    public void CountRetry() => Interlocked.Increment(ref _retried);
}
