using System.Globalization;
using Azure;
using Feed.Core.Feeds;

namespace Feed.Core.Storage;

/// <summary>
/// One blob under <c>pending/</c> as a listing shows it: an append log of feed changes (<c>.log</c>, one process writes
/// it, then moves on to a new one), or a single change written before changes were logged (<c>.json</c>).
/// </summary>
public sealed record PendingLogSegment(string Name, long Length, ETag ETag)
{
    /// <summary>A single change stored before changes were logged: read whole, deleted once folded.</summary>
    public bool IsSingleChange => Name.EndsWith(".json", StringComparison.Ordinal);

    /// <summary>When its writer created it, from the time at the start of its name.</summary>
    public DateTimeOffset Created =>
        Name.Length >= 19 && long.TryParse(Name.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : DateTimeOffset.MinValue;

    /// <summary>Whether <paramref name="manifest"/> records this log as folded to its end (an empty log has nothing to fold).</summary>
    public bool IsFoldedIn(FoldManifest manifest) =>
        manifest.Folded.TryGetValue(Name, out var folded) ? folded >= Length : Length == 0 && !IsSingleChange;
}
