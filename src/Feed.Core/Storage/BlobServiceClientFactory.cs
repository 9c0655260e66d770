using Azure.Storage.Blobs;
using Feed.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Feed.Core.Storage;

/// <summary>
/// Connects to the storage account the Functions host uses (<c>AzureWebJobsStorage</c>): a connection string, or an
/// identity-based connection (<c>__blobServiceUri</c>, <c>__credential</c>, <c>__clientId</c>) as on Flex Consumption.
/// </summary>
public static class BlobServiceClientFactory
{
    public static BlobServiceClient Create(IConfiguration configuration)
    {
        var options = new BlobClientOptions();
        StorageRetry.Configure(options.Retry, maxRetries: 5);
        return StorageIdentity.Connect(
            configuration,
            FeedSettingNames.StorageBlobServiceUri,
            connectionString => new BlobServiceClient(connectionString, options),
            (uri, credential) => new BlobServiceClient(uri, credential, options));
    }
}
