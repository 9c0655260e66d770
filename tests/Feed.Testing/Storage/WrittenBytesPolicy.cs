using Azure.Core;
using Azure.Core.Pipeline;

namespace Feed.Testing.Storage;

/// <summary>Counts the requests sent to storage and the bytes of every request body (what is written), for benchmarks.</summary>
public sealed class WrittenBytesPolicy : HttpPipelineSynchronousPolicy
{
    private long _bytes;
    private long _requests;
    private long _writes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests that carry a body (uploads of blobs, table transactions).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        if (message.Request.Content is { } content && content.TryComputeLength(out var length) && length > 0)
        {
            Interlocked.Add(ref _bytes, length);
            Interlocked.Increment(ref _writes);
        }
    }
}
