using Azure.Core;
using Azure.Identity;
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
        options.Retry.MaxRetries = 5;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);

        var connectionString = configuration[FeedSettingNames.Storage];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new BlobServiceClient(connectionString, options);
        }

        var section = configuration.GetSection(FeedSettingNames.Storage);
        var serviceUri = section[FeedSettingNames.StorageBlobServiceUri]
            ?? throw new InvalidOperationException(
                $"No storage configured: set '{FeedSettingNames.Storage}' to a connection string, or '{FeedSettingNames.Storage}__{FeedSettingNames.StorageBlobServiceUri}' for an identity-based connection.");
        var clientId = section[FeedSettingNames.StorageClientId];
        TokenCredential credential = section[FeedSettingNames.StorageCredential] == "managedidentity"
            ? new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new BlobServiceClient(new Uri(serviceUri), credential, options);
    }
}
