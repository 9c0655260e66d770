using System.Text.Json.Serialization;

namespace Feed.Core.Ingestion;

[JsonConverter(typeof(JsonStringEnumConverter<IngestionOutcome>))]
public enum IngestionOutcome
{
    /// <summary>The article was stored and its feeds updated.</summary>
    Ingested,

    /// <summary>This blob version was processed before; nothing changed.</summary>
    Unchanged,

    /// <summary>The file is invalid; a rejection record says why.</summary>
    Rejected,

    /// <summary>The blob is gone; its article was removed.</summary>
    Removed,

    /// <summary>The blob disappeared before it could be read.</summary>
    Missing,
}
