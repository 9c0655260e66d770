using Azure.Storage.Queues.Models;
using Feed.Core.Storage;
using Feed.Core.WebSub;
using Microsoft.Extensions.Options;

namespace Feed.Server.Hosting;

/// <summary>
/// The local stand-in for the queue-triggered function: takes the hub's messages from the same storage queue and
/// hands each to <see cref="HubMessageHandler"/>. It looks at once when this process sent a message, otherwise every
/// <see cref="LocalHostOptions.HubPollInterval"/>. Like the Functions host, a message that failed
/// <see cref="MaxDequeueCount"/> times is moved to the poison queue.
/// </summary>
public sealed partial class HubQueuePump(HubQueue queue, HubMessageHandler handler, IOptions<LocalHostOptions> options, ILogger<HubQueuePump> logger)
    : BackgroundService
{
    /// <summary>The Functions host's default <c>maxDequeueCount</c>.</summary>
    public const int MaxDequeueCount = 5;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _sent = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        queue.MessageSent += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                QueueMessage[] messages;
                try
                {
                    await queue.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
                    messages = (await queue.Queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: Lease, cancellationToken: stoppingToken).ConfigureAwait(false)).Value;
                }
                catch (Exception exception) when (StorageFailure.Is(exception))
                {
                    LogReceiveFailed(logger, StorageFailure.Reason(exception));
                    messages = [];
                }

                if (messages.Length == 0)
                {
                    await _sent.WaitAsync(options.Value.HubPollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                // Several notices of one feed's change in a batch need one distribution (it sends the feed as it is now).
                var distributions = new HashSet<string>(StringComparer.Ordinal);
                var distinct = messages.Where(m => HubMessage.TryParse(m.MessageText) is not { Kind: HubMessageKind.Distribute } notice || distributions.Add(notice.Partition)).ToList();
                await Task.WhenAll(messages.Except(distinct).Select(m => DeleteAsync(m, stoppingToken))).ConfigureAwait(false);
                await Task.WhenAll(distinct.Select(message => HandleAsync(message, stoppingToken))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            queue.MessageSent -= Wake;
        }
    }

    private void Wake()
    {
        if (_sent.CurrentCount == 0)
        {
            try
            {
                _sent.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    private async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageFailure.Is(exception))
        {
            LogReceiveFailed(logger, StorageFailure.Reason(exception));
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (message.DequeueCount > MaxDequeueCount)
            {
                await queue.Poison.SendMessageAsync(message.MessageText, cancellationToken: cancellationToken).ConfigureAwait(false);
                LogPoisoned(logger, message.MessageId, queue.Poison.Name);
            }
            else
            {
                await handler.HandleAsync(message.MessageText, cancellationToken).ConfigureAwait(false);
            }

            await queue.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // Left on the queue: it comes back after a short wait, as a Functions retry would.
            LogFailed(logger, message.MessageId, message.DequeueCount, exception.Message);
            try
            {
                await queue.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(Math.Min(30, 2 * message.DequeueCount)), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception update) when (StorageFailure.Is(update))
            {
                LogReceiveFailed(logger, StorageFailure.Reason(update));
            }
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "WebSub queue: message {MessageId} failed (try {DequeueCount}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string messageId, long dequeueCount, string reason);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "WebSub queue: message {MessageId} failed too often and was moved to the queue {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string poisonQueue);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "WebSub queue: storage did not answer ({Reason}); trying again")]
    private static partial void LogReceiveFailed(ILogger logger, string reason);

    public override void Dispose()
    {
        _sent.Dispose();
        base.Dispose();
    }
}
