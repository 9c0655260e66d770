using System.Collections.Concurrent;

namespace Feed.Core.Ingestion;

/// <summary>
/// Uploads whose last ingestion failed and has not succeeded since, for reconciliation and the health check. Each is
/// tried again after a delay that doubles with every failure (1 s, 2 s, 4 s … up to <see cref="MaxDelay"/>), so that a
/// blob that keeps failing costs one attempt and one log line per minute, not per poll; it leaves the list when it is
/// ingested or rejected, or is no longer in the upload container.
/// </summary>
public sealed class FailingUploads(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, FailingUpload> _failing = new(StringComparer.Ordinal);

    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(60);

    public int Count => _failing.Count;

    /// <summary>Whether <paramref name="name"/> is due: it never failed, or its delay has passed.</summary>
    public bool IsDue(string name) =>
        !_failing.TryGetValue(name, out var failing) || timeProvider.GetUtcNow() >= failing.NextAttempt;

    public void Failed(string name, string reason)
    {
        var now = timeProvider.GetUtcNow();
        _failing.AddOrUpdate(
            name,
            _ => new FailingUpload(name, 1, now, now, reason, now + Delay(1)),
            (_, previous) => previous with { Attempts = previous.Attempts + 1, LastFailure = now, Reason = reason, NextAttempt = now + Delay(previous.Attempts + 1) });
    }

    public void Succeeded(string name) => _failing.TryRemove(name, out _);

    /// <summary>Forgets uploads that are no longer listed: deleted uploads are not failing.</summary>
    public void KeepOnly(IReadOnlySet<string> listed)
    {
        foreach (var name in _failing.Keys)
        {
            if (!listed.Contains(name))
            {
                _failing.TryRemove(name, out _);
            }
        }
    }

    /// <summary>The failing uploads, longest failing first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<FailingUpload> Snapshot(int max) =>
        [.. _failing.Values.OrderBy(f => f.FirstFailure).ThenBy(f => f.Name, StringComparer.Ordinal).Take(max)];

    private static TimeSpan Delay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(attempts - 1, 16))));
}
