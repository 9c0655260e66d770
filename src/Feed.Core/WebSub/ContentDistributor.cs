using Feed.Core.Http;
using Feed.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feed.Core.WebSub;

/// <summary>
/// Content distribution (WebSub §7): when a feed changes, each of its subscribed documents whose representation
/// changed is POSTed, whole, to every live subscriber, with the topic's Content-Type, <c>Link</c> rel=hub and
/// rel=self, and <c>X-Hub-Signature</c> where a secret was given. A 2xx is delivered; 410 ends the subscription;
/// anything else is retried later (from the queue, with growing delays) with the topic's then-current document, up
/// to <see cref="WebSubOptions.MaxDeliveryAttempts"/>. A subscriber that failed still gets every later change.
/// </summary>
public sealed class ContentDistributor(
    SubscriptionStore subscriptions,
    HubQueue queue,
    TopicRenderer renderer,
    CallbackClient callbacks,
    TimeProvider timeProvider,
    IOptions<WebSubOptions> options,
    ILogger<ContentDistributor> logger)
{
    private readonly WebSubOptions _options = options.Value;

    /// <summary>Sends the changed feed of <paramref name="message"/>'s partition to its subscribers.</summary>
    public async Task DistributeAsync(HubMessage message, CancellationToken cancellationToken = default)
    {
        if (!SubscriptionKeys.TryParsePartition(message.Partition, out var key))
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var all = await subscriptions.ListAsync(key, cancellationToken).ConfigureAwait(false);
        foreach (var expired in all.Where(s => s.Expires <= now))
        {
            await subscriptions.DeleteAsync(expired.PartitionKey, expired.RowKey, cancellationToken).ConfigureAwait(false);
        }

        var fresh = true;
        foreach (var topic in all.Where(s => s.Expires > now).GroupBy(s => s.Topic, StringComparer.Ordinal))
        {
            var document = await renderer.RenderAsync(new Uri(topic.Key), key, fresh, cancellationToken).ConfigureAwait(false);
            fresh = false;
            if (document is null)
            {
                continue;
            }

            var state = await subscriptions.GetTopicStateAsync(key, topic.Key, cancellationToken).ConfigureAwait(false);
            if (state?.DistributedETag == document.ETag)
            {
                continue;
            }

            await Parallel.ForEachAsync(
                topic,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.DeliveryConcurrency), CancellationToken = cancellationToken },
                (subscription, token) => new ValueTask(DeliverAsync(subscription, document, 1, token))).ConfigureAwait(false);
            await subscriptions.PutTopicStateAsync(key, topic.Key, document.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tries again to deliver to the one subscriber of <paramref name="message"/>, the topic's current document.</summary>
    public async Task RetryAsync(HubMessage message, CancellationToken cancellationToken = default)
    {
        if (message.Row is null
            || !SubscriptionKeys.TryParsePartition(message.Partition, out var key)
            || await subscriptions.GetAsync(message.Partition, message.Row, cancellationToken).ConfigureAwait(false) is not { } subscription
            || subscription.Expires <= timeProvider.GetUtcNow())
        {
            return;
        }

        var document = await renderer.RenderAsync(new Uri(subscription.Topic), key, fresh: true, cancellationToken).ConfigureAwait(false);
        if (document is not null)
        {
            await DeliverAsync(subscription, document, message.Attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> + 1: the retry delay, tripled per attempt, capped, in whole
    /// seconds (a queue message's visibility delay has no finer unit).
    /// </summary>
    public TimeSpan Backoff(int attempt)
    {
        var delay = _options.RetryDelay * Math.Pow(3, Math.Max(0, attempt - 1));
        delay = delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(delay.TotalSeconds)));
    }

    private async Task DeliverAsync(Subscription subscription, TopicDocument document, int attempt, CancellationToken cancellationToken)
    {
        var topic = new Uri(subscription.Topic);
        var headers = new List<KeyValuePair<string, string>>
        {
            new(HubLinks.HeaderName, HubLinks.Header(PublicUrls.Hub(new Uri(topic.GetLeftPart(UriPartial.Authority) + "/")), topic)),
        };
        if (subscription.Secret is { Length: > 0 } secret)
        {
            headers.Add(new(HubSignature.HeaderName, HubSignature.Compute(secret, document.Body.Span)));
        }

        var outcome = await callbacks.PostAsync(new Uri(subscription.Callback), document.Body, document.ContentType, headers, cancellationToken).ConfigureAwait(false);
        if (outcome.IsSuccess)
        {
            return;
        }

        if (outcome.Status == 410)
        {
            await subscriptions.DeleteAsync(subscription.PartitionKey, subscription.RowKey, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("WebSub subscription of {Topic} by a callback on {Host} ended: the callback answered 410 Gone", subscription.Topic, subscription.CallbackHost);
            return;
        }

        var reason = outcome.Failure ?? $"answered {outcome.Status}";
        if (attempt >= _options.MaxDeliveryAttempts)
        {
            logger.LogWarning(
                "WebSub delivery of {Topic} to a callback on {Host} failed {Attempts} times ({Reason}); giving up on this change, later changes are still sent",
                subscription.Topic,
                subscription.CallbackHost,
                attempt,
                reason);
            return;
        }

        var delay = Backoff(attempt);
        await queue.SendAsync(
            new HubMessage { Kind = HubMessageKind.Deliver, Partition = subscription.PartitionKey, Row = subscription.RowKey, Attempt = attempt + 1 },
            delay,
            cancellationToken).ConfigureAwait(false);
        logger.LogInformation("WebSub delivery of {Topic} to a callback on {Host} failed ({Reason}); attempt {Next} in {Delay}", subscription.Topic, subscription.CallbackHost, reason, attempt + 1, delay);
    }
}
