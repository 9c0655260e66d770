using Azure.Data.Tables;
using Feed.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Feed.Core.Storage;

/// <summary>The table service of the storage account the Functions host uses (<c>AzureWebJobsStorage</c>), as <see cref="BlobServiceClientFactory"/> connects to its blobs.</summary>
public static class TableServiceClientFactory
{
    public static TableServiceClient Create(IConfiguration configuration)
    {
        var options = new TableClientOptions();
        StorageRetry.Configure(options.Retry, maxRetries: 3);
        return StorageIdentity.Connect(
            configuration,
            FeedSettingNames.StorageTableServiceUri,
            connectionString => new TableServiceClient(connectionString, options),
            (uri, credential) => new TableServiceClient(uri, credential, options));
    }
}
