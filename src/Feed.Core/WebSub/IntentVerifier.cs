using System.Globalization;
using System.Security.Cryptography;
using Feed.Core.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Feed.Core.WebSub;

/// <summary>
/// Verification of intent (WebSub §5.3): a GET to the callback (its own query string kept) with <c>hub.mode</c>,
/// <c>hub.topic</c>, <c>hub.challenge</c> and, to subscribe, <c>hub.lease_seconds</c>. Only a 2xx answer whose body
/// is the challenge changes the subscription; anything else leaves it as it was.
/// </summary>
public sealed class IntentVerifier(
    SubscriptionStore subscriptions,
    CallbackClient callbacks,
    FeedChangeNotifier notifier,
    TimeProvider timeProvider,
    ILogger<IntentVerifier> logger)
{
    public async Task VerifyAsync(HubMessage message, CancellationToken cancellationToken = default)
    {
        if (message.Row is null
            || await subscriptions.GetPendingAsync(message.Partition, message.Row, cancellationToken).ConfigureAwait(false) is not { } pending
            || pending.RequestId != message.RequestId)
        {
            return;
        }

        var subscribe = pending.Mode == nameof(HubMode.Subscribe);
        var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var parameters = new Dictionary<string, string?>
        {
            ["hub.mode"] = subscribe ? "subscribe" : "unsubscribe",
            ["hub.topic"] = pending.RequestedTopic,
            ["hub.challenge"] = challenge,
        };
        if (subscribe)
        {
            parameters["hub.lease_seconds"] = pending.LeaseSeconds.ToString(CultureInfo.InvariantCulture);
        }

        var outcome = await callbacks.GetAsync(new Uri(QueryHelpers.AddQueryString(pending.Callback, parameters)), cancellationToken).ConfigureAwait(false);
        var confirmed = outcome.IsSuccess && outcome.Body.Trim() == challenge;
        if (confirmed)
        {
            var row = SubscriptionKeys.Subscription(pending.Topic, pending.Callback);
            if (subscribe)
            {
                await subscriptions.MarkSubscribedAsync(pending.PartitionKey, cancellationToken).ConfigureAwait(false);
                notifier.Subscribed(pending.PartitionKey);
                await subscriptions.PutAsync(
                    new Subscription
                    {
                        PartitionKey = pending.PartitionKey,
                        RowKey = row,
                        Topic = pending.Topic,
                        RequestedTopic = pending.RequestedTopic,
                        Callback = pending.Callback,
                        CallbackHost = pending.CallbackHost,
                        Secret = pending.Secret,
                        LeaseSeconds = pending.LeaseSeconds,
                        Expires = timeProvider.GetUtcNow().AddSeconds(pending.LeaseSeconds),
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            else if (await subscriptions.GetAsync(pending.PartitionKey, row, cancellationToken).ConfigureAwait(false) is not null)
            {
                await subscriptions.DeleteAsync(pending.PartitionKey, row, cancellationToken).ConfigureAwait(false);
            }
        }

        await subscriptions.DeletePendingAsync(pending, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "WebSub {Mode} of {Topic} by a callback on {Host}: {Result}",
            pending.Mode,
            pending.Topic,
            pending.CallbackHost,
            confirmed ? "verified" : outcome.Failure ?? (outcome.IsSuccess ? "the callback did not echo the challenge" : $"the callback answered {outcome.Status}"));
    }
}
