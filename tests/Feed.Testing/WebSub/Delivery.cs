namespace Feed.Testing.WebSub;

/// <summary>A content distribution as the test subscriber received it.</summary>
public sealed record Delivery(byte[] Body, string? ContentType, IReadOnlyList<string> Links, string? Signature, int AnsweredStatus, DateTimeOffset ReceivedAt);
