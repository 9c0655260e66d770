namespace Feed.Testing.Consumers;

/// <summary>A feed reader refused our output.</summary>
public sealed class FeedRejectedException(string message) : Exception(message);
