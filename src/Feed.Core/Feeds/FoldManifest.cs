namespace Feed.Core.Feeds;

/// <summary>
/// Kept in the fold lease's blob: how far each pending log has been folded into the feeds, and how far a fold that may
/// have been interrupted had got. Whoever folds next applies the changes below that mark as possibly filed already,
/// so none is listed twice.
/// </summary>
public sealed class FoldManifest
{
    /// <summary>Per pending log, the bytes folded into the feeds.</summary>
    public Dictionary<string, long> Folded { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per pending log, the end of the bytes a fold was applying: set before, removed after.</summary>
    public Dictionary<string, long> InProgress { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Pending changes a fold was applying, as manifests written before changes were logged name them (whole blobs).</summary>
    public List<string>? Unfinished { get; set; }
}
