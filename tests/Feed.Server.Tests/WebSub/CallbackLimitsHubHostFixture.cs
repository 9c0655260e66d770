namespace Feed.Server.Tests.WebSub;

/// <summary>
/// The local host with a hub that limits callbacks tightly: two subscriptions per callback host (ten per topic), and
/// one second each to connect to a callback and to get its answer; loopback callbacks allowed, and a test subscriber.
/// </summary>
public sealed class CallbackLimitsHubHostFixture : SubscriberHostFixture
{
    public const int MaxSubscriptionsPerCallbackHost = 2;

    /// <summary>The longest the hub may wait for a callback: its connect timeout plus its request timeout.</summary>
    public static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["WebSub:AllowPrivateCallbacks"] = "true",
        ["WebSub:MaxSubscriptionsPerTopic"] = "10",
        ["WebSub:MaxSubscriptionsPerCallbackHost"] = "2",
        ["WebSub:ConnectTimeout"] = "00:00:01",
        ["WebSub:RequestTimeout"] = "00:00:01",
        ["LocalHost:HubPollInterval"] = "00:00:00.200",
    };
}
