using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Feed.Core.Ingestion;
using Feed.Core.Serialization;

namespace Feed.Core.Storage;

/// <summary>
/// One record per uploaded blob saying which version was processed and to what. The upload's name and ETag are
/// also kept as metadata, so that one listing tells reconciliation what is up to date.
/// </summary>
public sealed class SourceRecordStore(JsonBlobContainer container)
{
    private const string NameKey = "uploadname";
    private const string ETagKey = "uploadetag";

    public async Task<SourceRecord?> GetAsync(string uploadName, CancellationToken cancellationToken = default) =>
        (await container.GetAsync(BlobPaths.Source(uploadName), FeedJsonContext.Default.SourceRecord, cancellationToken).ConfigureAwait(false))?.Value;

    public Task PutAsync(SourceRecord record, CancellationToken cancellationToken = default) =>
        PutAsync(record, onlyIfAbsent: false, cancellationToken);

    /// <summary>Writes <paramref name="record"/>; with <paramref name="onlyIfAbsent"/>, only where none exists (false when one did).</summary>
    public async Task<bool> PutAsync(SourceRecord record, bool onlyIfAbsent, CancellationToken cancellationToken = default)
    {
        var metadata = new Dictionary<string, string>
        {
            [NameKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(record.BlobName)),
            [ETagKey] = record.ETag,
        };
        return await container.PutAsync(
            BlobPaths.Source(record.BlobName),
            record,
            FeedJsonContext.Default.SourceRecord,
            ifNoneMatch: onlyIfAbsent ? ETag.All : null,
            metadata: metadata,
            cancellationToken: cancellationToken).ConfigureAwait(false) is not null;
    }

    public Task<bool> DeleteAsync(string uploadName, CancellationToken cancellationToken = default) =>
        container.DeleteAsync(BlobPaths.Source(uploadName), cancellationToken: cancellationToken);

    /// <summary>Every processed upload's name and the ETag of the version processed.</summary>
    public async Task<Dictionary<string, string>> ListProcessedAsync(CancellationToken cancellationToken = default)
    {
        var processed = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new GetBlobsOptions { Prefix = BlobPaths.SourcesPrefix, Traits = BlobTraits.Metadata };
        await foreach (var item in container.Client.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            if (item.Metadata.TryGetValue(NameKey, out var name) && item.Metadata.TryGetValue(ETagKey, out var etag))
            {
                processed[Encoding.UTF8.GetString(Convert.FromBase64String(name))] = etag;
            }
        }

        return processed;
    }
}
