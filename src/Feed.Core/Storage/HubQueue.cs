using Azure.Storage.Queues;
using Feed.Core.WebSub;

namespace Feed.Core.Storage;

/// <summary>
/// The hub's storage queue and its poison queue. Messages are Base64, as the Functions queue trigger reads them, so
/// the queue-triggered function in Azure and the local host's pump consume the same messages.
/// </summary>
public sealed class HubQueue(QueueClient queue, QueueClient poison)
{
    /// <summary>
    /// The queue's name, fixed because the queue trigger's attribute names it; the Functions host moves messages that
    /// failed <c>maxDequeueCount</c> times to <c>websub-poison</c>.
    /// </summary>
    public const string Name = "websub";

    public const string PoisonName = Name + "-poison";

    private readonly OneTimeCreation _creation = new(async cancellationToken =>
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    });

    /// <summary>Raised after a message was sent, so that a pump in this process can look at once rather than at its next poll.</summary>
    public event Action? MessageSent;

    public QueueClient Queue { get; } = queue;

    /// <summary>Where messages go that failed too often (<c>{queue}-poison</c>, as the Functions host names it), for operators to see.</summary>
    public QueueClient Poison { get; } = poison;

    /// <summary>Creates both queues where they do not exist yet; once per process is enough.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _creation.EnsureAsync(cancellationToken);

    public async Task SendAsync(HubMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await Queue.SendMessageAsync(message.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (delay is null || delay <= TimeSpan.Zero)
        {
            MessageSent?.Invoke();
        }
    }
}
