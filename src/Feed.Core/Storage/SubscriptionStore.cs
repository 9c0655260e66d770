using Azure;
using Azure.Data.Tables;
using Feed.Core.Feeds;
using Feed.Core.WebSub;

namespace Feed.Core.Storage;

/// <summary>The hub's subscriptions, pending requests and per-topic state, in one storage table partitioned by feed.</summary>
public sealed class SubscriptionStore(TableClient table)
{
    private readonly OneTimeCreation _creation = new(async cancellationToken => await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false));

    public TableClient Table { get; } = table;

    /// <summary>Creates the table where it does not exist yet; once per process is enough.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _creation.EnsureAsync(cancellationToken);

    public async Task PutPendingAsync(PendingRequest pending, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await Table.UpsertEntityAsync(pending, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public Task<PendingRequest?> GetPendingAsync(string partition, string row, CancellationToken cancellationToken = default) =>
        GetAsync<PendingRequest>(partition, row, cancellationToken);

    /// <summary>Removes <paramref name="pending"/> unless a newer request replaced it meanwhile.</summary>
    public async Task DeletePendingAsync(PendingRequest pending, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.DeleteEntityAsync(pending.PartitionKey, pending.RowKey, pending.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
        }
    }

    public async Task PutAsync(Subscription subscription, CancellationToken cancellationToken = default) =>
        await Table.UpsertEntityAsync(subscription, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    public Task<Subscription?> GetAsync(string partition, string row, CancellationToken cancellationToken = default) =>
        GetAsync<Subscription>(partition, row, cancellationToken);

    public async Task DeleteAsync(string partition, string row, CancellationToken cancellationToken = default) =>
        await Table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken).ConfigureAwait(false);

    /// <summary>Every subscription to any document of the feed <paramref name="key"/>, expired ones included.</summary>
    public async Task<List<Subscription>> ListAsync(FeedKey key, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = SubscriptionKeys.Partition(key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {SubscriptionKeys.SubscriptionPrefix} and RowKey lt {"s."}");
        var subscriptions = new List<Subscription>();
        await foreach (var subscription in Table.QueryAsync<Subscription>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            subscriptions.Add(subscription);
        }

        return subscriptions;
    }

    /// <summary>Live subscriptions of one topic.</summary>
    public async Task<int> CountForTopicAsync(HubTopic topic, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var partition = SubscriptionKeys.Partition(topic.Key);
        var url = topic.Url.AbsoluteUri;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {SubscriptionKeys.SubscriptionPrefix} and RowKey lt {"s."} and Topic eq {url} and Expires gt {now}");
        return await CountAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Live subscriptions, over every topic, whose callbacks are on <paramref name="host"/>.</summary>
    public async Task<int> CountForCallbackHostAsync(string host, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"CallbackHost eq {host} and RowKey ge {SubscriptionKeys.SubscriptionPrefix} and RowKey lt {"s."} and Expires gt {now}");
        return await CountAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that the feed of <paramref name="partition"/> has a subscriber, so that its changes are distributed.</summary>
    public async Task MarkSubscribedAsync(string partition, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await Table.UpsertEntityAsync(new TableEntity(SubscriptionKeys.SubscribedFeedsPartition, partition), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The partitions of every feed that has (or had) a subscriber: one query, however many feeds there are without.</summary>
    public async Task<HashSet<string>> ListSubscribedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SubscriptionKeys.SubscribedFeedsPartition}");
        await foreach (var marker in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            partitions.Add(marker.RowKey);
        }

        return partitions;
    }

    public Task<TopicState?> GetTopicStateAsync(FeedKey key, string topic, CancellationToken cancellationToken = default) =>
        GetAsync<TopicState>(SubscriptionKeys.Partition(key), SubscriptionKeys.Topic(topic), cancellationToken);

    public async Task PutTopicStateAsync(FeedKey key, string topic, string etag, CancellationToken cancellationToken = default) =>
        await Table.UpsertEntityAsync(
            new TopicState { PartitionKey = SubscriptionKeys.Partition(key), RowKey = SubscriptionKeys.Topic(topic), Topic = topic, DistributedETag = etag },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);

    private async Task<int> CountAsync(string filter, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private async Task<T?> GetAsync<T>(string partition, string row, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var response = await Table.GetEntityIfExistsAsync<T>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }
}
