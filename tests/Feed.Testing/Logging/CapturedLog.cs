using Microsoft.Extensions.Logging;

namespace Feed.Testing.Logging;

/// <summary>One log entry as a structured-logging sink receives it: its event, level, message and named fields.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields, Exception? Exception);
