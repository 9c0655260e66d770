using Azure.Storage.Blobs;
using Feed.Core.Configuration;

namespace Feed.Core.Storage;

/// <summary>Every place Feed keeps data: the upload container (read only) and the stores in the data container.</summary>
public sealed class FeedStorage
{
    public FeedStorage(BlobServiceClient service, FeedOptions options, TimeProvider? timeProvider = null)
    {
        Service = service;
        Uploads = service.GetBlobContainerClient(options.UploadContainer);
        var data = new JsonBlobContainer(service.GetBlobContainerClient(options.DataContainer));
        Data = data.Client;
        Articles = new ArticleStore(data);
        Sources = new SourceRecordStore(data);
        Holders = new ArticleHolders(data);
        Rejections = new RejectionStore(data);
        Feeds = new FeedIndexStore(data);
        Pending = new PendingChangeLog(data, timeProvider ?? TimeProvider.System);
        FoldLease = new FoldLease(data);
    }

    public BlobServiceClient Service { get; }

    /// <summary>Where article files are uploaded. Feed never writes here.</summary>
    public BlobContainerClient Uploads { get; }

    public BlobContainerClient Data { get; }

    public ArticleStore Articles { get; }

    public SourceRecordStore Sources { get; }

    public ArticleHolders Holders { get; }

    public RejectionStore Rejections { get; }

    public FeedIndexStore Feeds { get; }

    /// <summary>Feed changes stored by ingestion and not yet folded into the feeds.</summary>
    public PendingChangeLog Pending { get; }

    public FoldLease FoldLease { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Data.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
