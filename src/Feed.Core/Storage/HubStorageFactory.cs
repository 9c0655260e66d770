using Azure.Storage.Queues;
using Feed.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Feed.Core.Storage;

/// <summary>The WebSub hub's queue on the storage account of <c>AzureWebJobsStorage</c>.</summary>
public static class HubStorageFactory
{
    public static HubQueue CreateQueue(IConfiguration configuration)
    {
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        StorageRetry.Configure(clientOptions.Retry, maxRetries: 3);
        var service = StorageIdentity.ConnectionString(configuration) is { } connectionString
            ? new QueueServiceClient(connectionString, clientOptions)
            : new QueueServiceClient(StorageIdentity.ServiceUri(configuration, FeedSettingNames.StorageQueueServiceUri), StorageIdentity.Credential(configuration), clientOptions);
        return new HubQueue(service.GetQueueClient(HubQueue.Name), service.GetQueueClient(HubQueue.PoisonName));
    }
}
