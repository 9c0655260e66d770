namespace Feed.Core.WebSub;

/// <summary>Settings of Feed's WebSub hub, bound from the <c>WebSub</c> configuration section (docs/websub.md).</summary>
public sealed class WebSubOptions
{
    public const string Section = "WebSub";

    /// <summary>The storage table of subscriptions (and of pending subscription requests).</summary>
    public string TableName { get; set; } = "websubscriptions";

    /// <summary>The lease of a subscription that asks for none.</summary>
    public TimeSpan DefaultLease { get; set; } = TimeSpan.FromDays(10);

    /// <summary>The shortest lease granted; a shorter request is raised to this.</summary>
    public TimeSpan MinLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest lease granted; a longer request is cut to this. Leases are never perpetual.</summary>
    public TimeSpan MaxLease { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Whether callbacks may be on loopback, private, link-local and other non-public addresses. Off by default, so the
    /// hub cannot be made to call into the network it runs in; tests and local experiments turn it on.
    /// </summary>
    public bool AllowPrivateCallbacks { get; set; }

    /// <summary>How long connecting to a callback may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a callback may take to answer once the request is sent.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much of a callback's answer is read (a verification's echoed challenge); the rest is ignored.</summary>
    public int MaxResponseBytes { get; set; } = 1024;

    /// <summary>Subscriptions one topic may have.</summary>
    public int MaxSubscriptionsPerTopic { get; set; } = 10_000;

    /// <summary>Subscriptions whose callbacks are on one host (over every topic).</summary>
    public int MaxSubscriptionsPerCallbackHost { get; set; } = 200;

    /// <summary>Subscription requests one client address may make per minute.</summary>
    public int RequestsPerMinutePerClient { get; set; } = 60;

    /// <summary>Subscription requests naming callbacks on one host, per minute: bounds the verifications the hub sends to any one host.</summary>
    public int RequestsPerMinutePerCallbackHost { get; set; } = 60;

    /// <summary>Deliveries of one change made at once.</summary>
    public int DeliveryConcurrency { get; set; } = 32;

    /// <summary>Delivery attempts per change and subscriber (the first included) before the hub gives up on that change.</summary>
    public int MaxDeliveryAttempts { get; set; } = 6;

    /// <summary>The wait before the first retry; each further retry waits three times longer, up to <see cref="MaxRetryDelay"/> (whole seconds, at least 1).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);
}
