namespace Feed.Testing.Http;

/// <summary>A response as it came over the wire: status, headers (names lower-cased) and body.</summary>
public sealed record RawHttpResponse(int Status, string Reason, IReadOnlyDictionary<string, string> Headers, string Body);
