namespace Feed.Core.Storage;

/// <summary>
/// Creates a store's queues or table where they do not exist yet, once per process: after the first success every
/// call returns at once. Calls made at the same moment before that may each ask storage; creating is idempotent.
/// </summary>
public sealed class OneTimeCreation(Func<CancellationToken, Task> create)
{
    private volatile bool _created;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (!_created)
        {
            await create(cancellationToken).ConfigureAwait(false);
            _created = true;
        }
    }
}
