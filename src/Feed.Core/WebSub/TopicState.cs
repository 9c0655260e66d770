using Azure;
using Azure.Data.Tables;

namespace Feed.Core.WebSub;

/// <summary>What the hub last distributed of a topic (its ETag), so that a change of a feed that leaves this topic's document as it was sends nothing.</summary>
public sealed class TopicState : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Topic { get; set; } = "";

    public string DistributedETag { get; set; } = "";
}
