using Feed.Core.Configuration;
using Feed.Core.Storage;
using Feed.Core.WebSub;
using Microsoft.Azure.Functions.Worker;

namespace Feed.Functions;

/// <summary>
/// The WebSub hub's work: verifications of intent, distributions of changed feeds and delivery retries, one queue
/// message each. A message whose handling throws (storage not answering) is retried by the host and, after
/// <c>extensions.queues.maxDequeueCount</c> tries, moved to <c>websub-poison</c> for operators to see.
/// </summary>
public sealed class WebSubQueueFunction(HubMessageHandler handler)
{
    [Function(FunctionNames.WebSubQueue)]
    public async Task RunAsync([QueueTrigger(HubQueue.Name, Connection = FeedSettingNames.Storage)] string message, CancellationToken cancellationToken) =>
        await handler.HandleAsync(message, cancellationToken);
}
