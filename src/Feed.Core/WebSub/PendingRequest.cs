using Azure;
using Azure.Data.Tables;

namespace Feed.Core.WebSub;

/// <summary>
/// An accepted subscription request awaiting its verification of intent; the subscription changes only once the
/// subscriber echoes the challenge. A newer request from the same callback for the same topic replaces it.
/// </summary>
public sealed class PendingRequest : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Names this request in its queue message, so that a superseded request's verification is dropped.</summary>
    public string RequestId { get; set; } = "";

    public string Mode { get; set; } = "";

    public string Topic { get; set; } = "";

    public string RequestedTopic { get; set; } = "";

    public string Callback { get; set; } = "";

    public string CallbackHost { get; set; } = "";

    /// <summary>The requested <c>hub.secret</c>, moved into the subscription once verified; never logged or listed.</summary>
    public string? Secret { get; set; }

    public long LeaseSeconds { get; set; }

    public override string ToString() => $"{Mode} {Topic} → {CallbackHost}";
}
