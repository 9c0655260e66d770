using System.Collections.Concurrent;

namespace Feed.Core.Ingestion;

/// <summary>
/// What a long-running reconciler (the local host's watcher) knows to be processed, upload name to the ETag of the
/// version processed: listed from the source records now and then, and kept up to date by its own ingestions in
/// between, so that a pass lists only the uploads. Another process's work shows up at the next listing; until then,
/// re-reading such an upload finds it unchanged.
/// </summary>
public sealed class ProcessedUploads(TimeProvider timeProvider)
{
    private ConcurrentDictionary<string, string>? _known;
    private DateTimeOffset _listedAt;

    /// <summary>How long a listing of the source records is trusted.</summary>
    public TimeSpan ListingLifetime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The known versions, or null when they must be listed again.</summary>
    public IReadOnlyDictionary<string, string>? Current =>
        _known is { } known && timeProvider.GetUtcNow() - _listedAt < ListingLifetime ? known : null;

    public void Listed(Dictionary<string, string> processed)
    {
        _known = new ConcurrentDictionary<string, string>(processed, StringComparer.Ordinal);
        _listedAt = timeProvider.GetUtcNow();
    }

    public void Processed(string name, string? etag)
    {
        if (_known is { } known && etag is not null)
        {
            known[name] = etag;
        }
    }

    public void Removed(string name) => _known?.TryRemove(name, out _);
}
