using Azure.Storage.Queues;
using Feed.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Feed.Core.Storage;

/// <summary>The WebSub hub's queue on the storage account of <c>AzureWebJobsStorage</c>.</summary>
public static class HubQueueFactory
{
    public static HubQueue Create(IConfiguration configuration)
    {
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        StorageRetry.Configure(clientOptions.Retry, maxRetries: 3);
        var service = StorageIdentity.Connect(
            configuration,
            FeedSettingNames.StorageQueueServiceUri,
            connectionString => new QueueServiceClient(connectionString, clientOptions),
            (uri, credential) => new QueueServiceClient(uri, credential, clientOptions));
        return new HubQueue(service.GetQueueClient(HubQueue.Name), service.GetQueueClient(HubQueue.PoisonName));
    }
}
