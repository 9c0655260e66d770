namespace Feed.Core.Feeds;

/// <summary>
/// Kept in the fold lease's blob: the pending changes a fold may have applied to some feeds without deleting them
/// (it was interrupted). Whoever folds next applies those as possibly filed already, so none is listed twice.
/// </summary>
public sealed class FoldManifest
{
    public List<string> Unfinished { get; init; } = [];
}
