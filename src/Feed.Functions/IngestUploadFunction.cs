using Azure.Storage.Blobs;
using Feed.Core.Configuration;
using Feed.Core.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace Feed.Functions;

/// <summary>
/// Ingests a file uploaded to the upload container. Event Grid delivers <c>Microsoft.Storage.BlobCreated</c> to the
/// blob extension webhook, the extension queues it, and this function runs with a client for the blob (the blob is
/// never loaded into memory by the binding). Delivery is at least once; the ingestor is idempotent. It records an
/// invalid file instead of throwing; only transient failures throw, which the host retries up to
/// <c>extensions.blobs.poisonBlobThreshold</c> times.
/// </summary>
public sealed class IngestUploadFunction(ArticleIngestor ingestor)
{
    /// <summary>
    /// <c>%Feed:UploadContainer%</c> is resolved by the host from its configuration, where the app setting
    /// <c>Feed__UploadContainer</c> appears as the key <c>Feed:UploadContainer</c>.
    /// </summary>
    private const string UploadPath = "%" + FeedSettingNames.UploadContainer + "%/{name}";

    [Function(FunctionNames.IngestUpload)]
    public async Task RunAsync(
        [BlobTrigger(UploadPath, Source = BlobTriggerSource.EventGrid, Connection = FeedSettingNames.Storage)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        await ingestor.IngestAsync(blob, cancellationToken);
    }
}
