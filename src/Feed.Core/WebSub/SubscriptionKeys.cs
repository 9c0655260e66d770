using System.Security.Cryptography;
using System.Text;
using Feed.Core.Feeds;

namespace Feed.Core.WebSub;

/// <summary>
/// Table keys of the hub: one partition per feed (every format and filter of it), and in it one row per subscription
/// (<c>s-</c>), pending request (<c>p-</c>) and distributed topic (<c>t-</c>), named by hashes of their URLs.
/// </summary>
public static class SubscriptionKeys
{
    public const string SubscriptionPrefix = "s-";
    public const string PendingPrefix = "p-";
    public const string TopicPrefix = "t-";

    /// <summary>The partition of markers, one row per feed that ever had a subscriber (named by the feed's partition).</summary>
    public const string SubscribedFeedsPartition = "~subscribed";

    /// <summary>The feed's path with <c>/</c> (not allowed in table keys) as <c>|</c>: <c>topics|ai</c>.</summary>
    public static string Partition(FeedKey key) => key.Path.Replace('/', '|');

    /// <summary>The feed whose partition is <paramref name="partition"/>; false for a partition no feed has.</summary>
    public static bool TryParsePartition(string partition, out FeedKey key)
    {
        var bar = partition.IndexOf('|', StringComparison.Ordinal);
        key = partition == FeedKey.All.Path ? FeedKey.All
            : bar > 0 && partition[..bar] == "topics" ? FeedKey.Topic(partition[(bar + 1)..])
            : bar > 0 && partition[..bar] == "providers" ? FeedKey.Provider(partition[(bar + 1)..])
            : default;
        return key.Key is { Length: > 0 };
    }

    public static string Subscription(string topic, string callback) => SubscriptionPrefix + Hash(topic + "\n" + callback);

    public static string Pending(string topic, string callback) => PendingPrefix + Hash(topic + "\n" + callback);

    public static string Topic(string topic) => TopicPrefix + Hash(topic);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 20));
}
