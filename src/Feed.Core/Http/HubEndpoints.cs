using System.Net;
using System.Net.Sockets;
using Feed.Core.Configuration;
using Feed.Core.Storage;
using Feed.Core.WebSub;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Feed.Core.Http;

/// <summary>
/// <c>POST /api/websub</c>, the hub's door for subscribers (WebSub §5.1): checks a subscription request, answers 202
/// and queues its verification of intent, or answers 4xx with the reason. Shared by both hosts.
/// </summary>
public sealed class HubEndpoints(
    SubscriptionStore subscriptions,
    HubQueue queue,
    HubRequestLimiter limiter,
    FeedIndexCache indexes,
    TimeProvider timeProvider,
    IOptions<FeedOptions> feedOptions,
    IOptions<WebSubOptions> options,
    ILogger<HubEndpoints> logger)
{
    /// <summary>The largest subscription request read; a real one is a few hundred bytes.</summary>
    public const int MaxRequestBytes = 8 * 1024;

    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 32,
        KeyLengthLimit = 64,
        ValueLengthLimit = 4096,
        BufferBodyLengthLimit = MaxRequestBytes,
    };

    private readonly WebSubOptions _options = options.Value;

    public async Task<FeedResult> HubAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return FeedResult.Problem(StatusCodes.Status405MethodNotAllowed, "this is a WebSub hub: subscribe with a form POST of hub.mode, hub.topic and hub.callback (see /api/feeds for the topics)")
                .WithHeader(HeaderNames.Allow, "POST");
        }

        if (!request.HasFormContentType || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return FeedResult.Problem(StatusCodes.Status415UnsupportedMediaType, "a hub request is a form: Content-Type application/x-www-form-urlencoded");
        }

        if (request.ContentLength > MaxRequestBytes)
        {
            return FeedResult.Problem(StatusCodes.Status413PayloadTooLarge, $"a hub request is at most {MaxRequestBytes} bytes");
        }

        var client = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limiter.TryAcquireForClient(client))
        {
            return TooMany("too many hub requests from this address; try again in a minute");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(FormLimits, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return FeedResult.Problem(StatusCodes.Status400BadRequest, "the form could not be read: " + exception.Message);
        }

        var baseUrl = PublicUrls.BaseUrl(request, feedOptions.Value);
        if (!HubRequestReader.TryRead(form, baseUrl, _options, out var hubRequest, out var error))
        {
            return FeedResult.Problem(StatusCodes.Status400BadRequest, error);
        }

        if (!limiter.TryAcquireForCallbackHost(hubRequest.Callback.IdnHost))
        {
            return TooMany($"too many hub requests for callbacks on {hubRequest.Callback.IdnHost}; try again in a minute");
        }

        try
        {
            return await AcceptAsync(hubRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageFailure.Is(exception) && !cancellationToken.IsCancellationRequested)
        {
            return FeedResult.Problem(StatusCodes.Status503ServiceUnavailable, $"storage is not answering, try again shortly: {StorageFailure.Reason(exception)}")
                .WithHeader(HeaderNames.RetryAfter, "10");
        }
    }

    private async Task<FeedResult> AcceptAsync(HubRequest hubRequest, CancellationToken cancellationToken)
    {
        var topic = hubRequest.Topic;
        var callback = hubRequest.Callback.AbsoluteUri;
        var partition = SubscriptionKeys.Partition(topic.Key);
        if (hubRequest.Mode == HubMode.Subscribe && await indexes.GetAsync(topic.Key, cancellationToken).ConfigureAwait(false) is null)
        {
            return FeedResult.Problem(StatusCodes.Status400BadRequest, $"hub.topic: there is no feed '{topic.Key}' (yet); subscribe to one listed at /api/feeds");
        }

        if (await CallbackProblemAsync(hubRequest.Callback, cancellationToken).ConfigureAwait(false) is { } callbackProblem)
        {
            return FeedResult.Problem(StatusCodes.Status400BadRequest, callbackProblem);
        }

        if (hubRequest.Mode == HubMode.Subscribe)
        {

            var now = timeProvider.GetUtcNow();
            var renewal = await subscriptions.GetAsync(partition, SubscriptionKeys.Subscription(topic.Url.AbsoluteUri, callback), cancellationToken).ConfigureAwait(false) is { } existing
                && existing.Expires > now;
            if (!renewal)
            {
                if (await subscriptions.CountForTopicAsync(topic, now, cancellationToken).ConfigureAwait(false) >= _options.MaxSubscriptionsPerTopic)
                {
                    return FeedResult.Problem(StatusCodes.Status403Forbidden, $"this topic has reached its limit of {_options.MaxSubscriptionsPerTopic} subscriptions");
                }

                if (await subscriptions.CountForCallbackHostAsync(hubRequest.Callback.IdnHost, now, cancellationToken).ConfigureAwait(false) >= _options.MaxSubscriptionsPerCallbackHost)
                {
                    return FeedResult.Problem(StatusCodes.Status403Forbidden, $"callbacks on {hubRequest.Callback.IdnHost} have reached their limit of {_options.MaxSubscriptionsPerCallbackHost} subscriptions");
                }
            }
        }

        var pending = new PendingRequest
        {
            PartitionKey = partition,
            RowKey = SubscriptionKeys.Pending(topic.Url.AbsoluteUri, callback),
            RequestId = Guid.NewGuid().ToString("N"),
            Mode = hubRequest.Mode.ToString(),
            Topic = topic.Url.AbsoluteUri,
            RequestedTopic = hubRequest.RequestedTopic,
            Callback = callback,
            CallbackHost = hubRequest.Callback.IdnHost,
            Secret = hubRequest.Secret,
            LeaseSeconds = (long)hubRequest.Lease.TotalSeconds,
        };
        await subscriptions.PutPendingAsync(pending, cancellationToken).ConfigureAwait(false);
        await queue.SendAsync(new HubMessage { Kind = HubMessageKind.Verify, Partition = partition, Row = pending.RowKey, RequestId = pending.RequestId }, cancellationToken: cancellationToken).ConfigureAwait(false);
        logger.LogInformation("WebSub {Request}: accepted, verification queued", hubRequest);
        return FeedResult.Problem(StatusCodes.Status202Accepted, $"accepted: the hub will now verify your intent with a GET to your callback ({hubRequest.Mode.ToString().ToLowerInvariant()}, lease {(long)hubRequest.Lease.TotalSeconds} s)");
    }

    /// <summary>Why the hub will not call <paramref name="callback"/>, or null when it may.</summary>
    private async Task<string?> CallbackProblemAsync(Uri callback, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(callback.IdnHost.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(callback.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return $"hub.callback: the host {callback.IdnHost} does not resolve";
        }

        if (addresses.Length == 0)
        {
            return $"hub.callback: the host {callback.IdnHost} does not resolve";
        }

        if (!_options.AllowPrivateCallbacks && !addresses.All(CallbackAddresses.IsPublic))
        {
            return $"hub.callback: {callback.IdnHost} resolves to a loopback, private or otherwise non-public address; this hub only calls public addresses";
        }

        return null;
    }

    private static FeedResult TooMany(string reason) =>
        FeedResult.Problem(StatusCodes.Status429TooManyRequests, reason).WithHeader(HeaderNames.RetryAfter, "60");
}
