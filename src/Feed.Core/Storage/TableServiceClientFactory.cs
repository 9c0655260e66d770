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

        return StorageIdentity.ConnectionString(configuration) is { } connectionString
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(StorageIdentity.ServiceUri(configuration, FeedSettingNames.StorageTableServiceUri), StorageIdentity.Credential(configuration), options);
    }
}
