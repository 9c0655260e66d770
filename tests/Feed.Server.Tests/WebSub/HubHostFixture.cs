namespace Feed.Server.Tests.WebSub;

/// <summary>
/// The local host with its hub set for tests: loopback callbacks allowed (the setting docs/websub.md describes),
/// leases from 1 s, quick retries, three subscriptions per topic; and a test subscriber on loopback.
/// </summary>
public sealed class HubHostFixture : SubscriberHostFixture
{
    public const int MaxDeliveryAttempts = 3;
    public const int MaxSubscriptionsPerTopic = 3;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WebSub:AllowPrivateCallbacks"] = "true",
        ["WebSub:MinLease"] = "00:00:01",
        ["WebSub:RetryDelay"] = "00:00:01",
        ["WebSub:MaxRetryDelay"] = "00:00:02",
        ["WebSub:MaxDeliveryAttempts"] = "3",
        ["WebSub:MaxSubscriptionsPerTopic"] = "3",
        ["LocalHost:HubPollInterval"] = "00:00:00.200",
    };
}
