using Microsoft.Extensions.Logging;

namespace Feed.Core.WebSub;

/// <summary>
/// Does what one message of the hub's queue asks. The queue-triggered function (Azure) and the local host's pump
/// both call this; an exception leaves the message on the queue to be tried again, and after five tries in its
/// poison queue.
/// </summary>
public sealed class HubMessageHandler(IntentVerifier verifier, ContentDistributor distributor, ILogger<HubMessageHandler> logger)
{
    public async Task HandleAsync(string json, CancellationToken cancellationToken = default)
    {
        var message = HubMessage.TryParse(json);
        if (message is null)
        {
            logger.LogWarning("WebSub queue: a message that is not the hub's was dropped ({Length} characters)", json.Length);
            return;
        }

        var work = message.Kind switch
        {
            HubMessageKind.Verify => verifier.VerifyAsync(message, cancellationToken),
            HubMessageKind.Distribute => distributor.DistributeAsync(message, cancellationToken),
            _ => distributor.RetryAsync(message, cancellationToken),
        };
        await work.ConfigureAwait(false);
    }
}
