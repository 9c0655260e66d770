namespace Feed.Core.Configuration;

/// <summary>
/// Every application setting the hosts read. App settings use <c>__</c> where configuration keys use <c>:</c>.
/// </summary>
public static class FeedSettingNames
{
    /// <summary>The storage connection: a connection string, or identity-based <c>__blobServiceUri</c>/<c>__credential</c>/<c>__clientId</c>.</summary>
    public const string Storage = "AzureWebJobsStorage";

    /// <summary>Identity-based connection: the blob endpoint, <c>AzureWebJobsStorage__blobServiceUri</c>.</summary>
    public const string StorageBlobServiceUri = "blobServiceUri";

    /// <summary>Identity-based connection: the queue endpoint (the WebSub hub's queue), <c>AzureWebJobsStorage__queueServiceUri</c>.</summary>
    public const string StorageQueueServiceUri = "queueServiceUri";

    /// <summary>Identity-based connection: the table endpoint (source records, WebSub subscriptions), <c>AzureWebJobsStorage__tableServiceUri</c>.</summary>
    public const string StorageTableServiceUri = "tableServiceUri";

    /// <summary>Identity-based connection: <c>managedidentity</c> to use the app's managed identity.</summary>
    public const string StorageCredential = "credential";

    /// <summary>Identity-based connection: the client id of a user-assigned identity.</summary>
    public const string StorageClientId = "clientId";

    /// <summary>The configuration section bound to <see cref="FeedOptions"/>.</summary>
    public const string Section = "Feed";

    public const string UploadContainer = Section + ":" + nameof(FeedOptions.UploadContainer);
    public const string DataContainer = Section + ":" + nameof(FeedOptions.DataContainer);
    public const string PublicBaseUrl = Section + ":" + nameof(FeedOptions.PublicBaseUrl);
    public const string KnownProxies = Section + ":" + nameof(FeedOptions.KnownProxies);
    public const string Language = Section + ":" + nameof(FeedOptions.Language);
    public const string MaxFileBytes = Section + ":" + nameof(FeedOptions.MaxFileBytes);
    public const string HeadSize = Section + ":" + nameof(FeedOptions.HeadSize);
    public const string ArchivePageSize = Section + ":" + nameof(FeedOptions.ArchivePageSize);
    public const string IndexFreshness = Section + ":" + nameof(FeedOptions.IndexFreshness);
    public const string IndexStaleWhileRevalidate = Section + ":" + nameof(FeedOptions.IndexStaleWhileRevalidate);
    public const string IndexStaleIfError = Section + ":" + nameof(FeedOptions.IndexStaleIfError);
}
