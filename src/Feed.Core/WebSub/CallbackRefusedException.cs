namespace Feed.Core.WebSub;

/// <summary>A callback the hub will not connect to: its host resolves to no address the settings allow.</summary>
public sealed class CallbackRefusedException(string message) : Exception(message);
