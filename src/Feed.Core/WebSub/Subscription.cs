using Azure;
using Azure.Data.Tables;

namespace Feed.Core.WebSub;

/// <summary>
/// A verified subscription: a callback that receives a topic until <see cref="Expires"/>. Stored in the subscription
/// table, partitioned by feed, so that one query finds every subscriber of a changed feed.
/// </summary>
public sealed class Subscription : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The topic's canonical URL: what is delivered, and the <c>rel="self"</c> of every delivery.</summary>
    public string Topic { get; set; } = "";

    /// <summary>The topic as the subscriber wrote it, echoed in verifications.</summary>
    public string RequestedTopic { get; set; } = "";

    public string Callback { get; set; } = "";

    /// <summary>The callback's host, for the per-host limit.</summary>
    public string CallbackHost { get; set; } = "";

    /// <summary>The HMAC key of <c>X-Hub-Signature</c>, or null. Stored here and nowhere else; never logged or listed.</summary>
    public string? Secret { get; set; }

    public long LeaseSeconds { get; set; }

    public DateTimeOffset Expires { get; set; }

    public override string ToString() => $"{Topic} → {CallbackHost}";
}
