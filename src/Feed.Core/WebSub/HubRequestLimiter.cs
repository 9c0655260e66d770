using System.Threading.RateLimiting;

namespace Feed.Core.WebSub;

/// <summary>
/// Request rates the hub accepts, per minute and per instance: per client address (what one client may ask) and per
/// callback host (how many verifications any one host can be sent through us).
/// </summary>
public sealed class HubRequestLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _clients;
    private readonly PartitionedRateLimiter<string> _callbackHosts;

    public HubRequestLimiter(WebSubOptions options)
    {
        _clients = PerMinute(options.RequestsPerMinutePerClient);
        _callbackHosts = PerMinute(options.RequestsPerMinutePerCallbackHost);
    }

    public bool TryAcquireForClient(string client) => Acquire(_clients, client);

    public bool TryAcquireForCallbackHost(string host) => Acquire(_callbackHosts, host.ToLowerInvariant());

    public void Dispose()
    {
        _clients.Dispose();
        _callbackHosts.Dispose();
    }

    private static bool Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
