using Azure.Storage.Blobs.Models;
using Feed.Core.Ingestion;
using Feed.Core.Serialization;

namespace Feed.Core.Storage;

/// <summary>Rejection records, one per rejected upload, under <c>rejections/</c> where an operator lists them.</summary>
public sealed class RejectionStore(JsonBlobContainer container)
{
    public async Task<RejectionRecord?> GetAsync(string uploadName, CancellationToken cancellationToken = default) =>
        (await container.GetAsync(BlobPaths.Rejection(uploadName), FeedJsonContext.Default.RejectionRecord, cancellationToken).ConfigureAwait(false))?.Value;

    public Task PutAsync(RejectionRecord record, CancellationToken cancellationToken = default) =>
        container.PutAsync(BlobPaths.Rejection(record.File), record, FeedJsonContext.Default.RejectionRecord, cancellationToken: cancellationToken);

    public Task<bool> DeleteAsync(string uploadName, CancellationToken cancellationToken = default) =>
        container.DeleteAsync(BlobPaths.Rejection(uploadName), cancellationToken: cancellationToken);

    public async IAsyncEnumerable<RejectionRecord> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in container.Client.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobPaths.RejectionsPrefix }, cancellationToken).ConfigureAwait(false))
        {
            var stored = await container.GetAsync(item.Name, FeedJsonContext.Default.RejectionRecord, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                yield return stored.Value;
            }
        }
    }
}
