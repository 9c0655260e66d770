using Azure;

namespace Feed.Core.Storage;

/// <summary>A JSON document read from blob storage, with the ETag to make a conditional write against, and its metadata.</summary>
public sealed record StoredDocument<T>(T Value, ETag ETag, IDictionary<string, string>? Metadata = null);
