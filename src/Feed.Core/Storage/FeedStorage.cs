using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Feed.Core.Configuration;

namespace Feed.Core.Storage;

/// <summary>
/// Every place Feed keeps data: the upload container (read only), the stores in the data container, and the source
/// records' partition of a table.
/// </summary>
public sealed class FeedStorage
{
    /// <summary>The storage of the account <paramref name="connectionString"/> names (its blob and table endpoints).</summary>
    public FeedStorage(string connectionString, FeedOptions options, TimeProvider? timeProvider = null)
        : this(new BlobServiceClient(connectionString), new TableServiceClient(connectionString), options, timeProvider)
    {
    }

    public FeedStorage(BlobServiceClient service, TableServiceClient tables, FeedOptions options, TimeProvider? timeProvider = null)
    {
        Service = service;
        Uploads = service.GetBlobContainerClient(options.UploadContainer);
        var data = new JsonBlobContainer(service.GetBlobContainerClient(options.DataContainer));
        Data = data.Client;
        Articles = new ArticleStore(data);
        Sources = new SourceRecordStore(tables.GetTableClient(SourceRecordStore.TableName), options.DataContainer, data);
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
        await Sources.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
    }
}
