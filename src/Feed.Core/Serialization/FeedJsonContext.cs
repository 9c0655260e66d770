using System.Text.Json.Serialization;
using Feed.Core.Articles;
using Feed.Core.Feeds;
using Feed.Core.Ingestion;

namespace Feed.Core.Serialization;

/// <summary>The JSON shapes Feed stores, generated at compile time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false,
    Converters = [typeof(UtcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(FeedIndex))]
[JsonSerializable(typeof(SourceRecord))]
[JsonSerializable(typeof(RejectionRecord))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(FeedEntry))]
[JsonSerializable(typeof(ArchivePage))]
[JsonSerializable(typeof(ArticleDiagnostic))]
[JsonSerializable(typeof(PendingFeedChange))]
[JsonSerializable(typeof(FoldManifest))]
public sealed partial class FeedJsonContext : JsonSerializerContext
{
}
