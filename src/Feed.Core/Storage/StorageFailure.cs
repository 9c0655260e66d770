namespace Feed.Core.Storage;

/// <summary>
/// What storage throws when it did not answer or refused a request (after the SDK's own retries), or when we stopped
/// waiting for it (<see cref="TimeoutException"/>).
/// </summary>
public static class StorageFailure
{
    public static bool Is(Exception exception) =>
        exception is Azure.RequestFailedException or AggregateException or HttpRequestException or TimeoutException;

    /// <summary>The first line of the failure's message, for a one-line reason.</summary>
    public static string Reason(Exception exception) => exception.Message.Split('\n')[0];
}
