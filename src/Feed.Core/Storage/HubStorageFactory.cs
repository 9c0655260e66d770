using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Feed.Core.Configuration;
using Feed.Core.WebSub;
using Microsoft.Extensions.Configuration;

namespace Feed.Core.Storage;

/// <summary>The WebSub hub's queue and table on the storage account of <c>AzureWebJobsStorage</c>.</summary>
public static class HubStorageFactory
{
    public static HubQueue CreateQueue(IConfiguration configuration)
    {
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Retry(clientOptions.Retry);
        var service = StorageIdentity.ConnectionString(configuration) is { } connectionString
            ? new QueueServiceClient(connectionString, clientOptions)
            : new QueueServiceClient(StorageIdentity.ServiceUri(configuration, FeedSettingNames.StorageQueueServiceUri), StorageIdentity.Credential(configuration), clientOptions);
        return new HubQueue(service.GetQueueClient(HubQueue.Name), service.GetQueueClient(HubQueue.PoisonName));
    }

    public static SubscriptionStore CreateSubscriptions(IConfiguration configuration, WebSubOptions options)
    {
        var clientOptions = new TableClientOptions();
        Retry(clientOptions.Retry);
        var service = StorageIdentity.ConnectionString(configuration) is { } connectionString
            ? new TableServiceClient(connectionString, clientOptions)
            : new TableServiceClient(StorageIdentity.ServiceUri(configuration, FeedSettingNames.StorageTableServiceUri), StorageIdentity.Credential(configuration), clientOptions);
        return new SubscriptionStore(service.GetTableClient(options.TableName));
    }

    private static void Retry(RetryOptions retry)
    {
        retry.MaxRetries = 3;
        retry.Mode = RetryMode.Exponential;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(5);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
