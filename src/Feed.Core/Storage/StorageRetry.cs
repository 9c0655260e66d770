using Azure.Core;

namespace Feed.Core.Storage;

/// <summary>How every storage client of Feed retries: exponentially from 200 ms up to 5 s, 30 s per attempt.</summary>
public static class StorageRetry
{
    public static void Configure(RetryOptions retry, int maxRetries)
    {
        retry.MaxRetries = maxRetries;
        retry.Mode = RetryMode.Exponential;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(5);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
