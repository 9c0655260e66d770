using Feed.Core.Feeds;

namespace Feed.Core.Storage;

/// <summary>A change read from a pending log, with the offset of its line in the log.</summary>
public readonly record struct LoggedFeedChange(long Offset, PendingFeedChange Change);
