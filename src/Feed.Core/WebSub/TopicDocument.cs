namespace Feed.Core.WebSub;

/// <summary>A topic's current document as a reader would GET it: the bytes, their media type and the ETag.</summary>
public sealed record TopicDocument(ReadOnlyMemory<byte> Body, string ContentType, string ETag);
