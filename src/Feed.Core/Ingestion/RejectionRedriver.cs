using Feed.Core.Storage;

namespace Feed.Core.Ingestion;

/// <summary>
/// Lists the uploads ingestion rejected, and ingests them again on request (after a fix in Feed, or in case the
/// rejection was wrong): the version recorded in the upload's source record is forgotten first, so that the same blob
/// version is not skipped as already processed (the article an earlier version gave is kept in the record, so that
/// it is replaced as usual). A file that is still invalid is rejected again, with a fresh record.
/// </summary>
public sealed class RejectionRedriver(FeedStorage storage, ArticleIngestor ingestor)
{
    public async Task<List<RejectionRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<RejectionRecord>();
        await foreach (var record in storage.Rejections.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        records.Sort((x, y) => string.CompareOrdinal(x.File, y.File));
        return records;
    }

    /// <summary>Re-ingests the rejected uploads named (all of them when <paramref name="names"/> is empty).</summary>
    public async Task<List<IngestionResult>> RedriveAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default)
    {
        var rejected = await ListAsync(cancellationToken).ConfigureAwait(false);
        var known = rejected.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Where(name => !known.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"not a rejected upload: {string.Join(", ", unknown)}");
        }

        var results = new List<IngestionResult>();
        foreach (var name in names.Count == 0 ? [.. known.Order(StringComparer.Ordinal)] : names.ToList())
        {
            if (await storage.Sources.GetAsync(name, cancellationToken).ConfigureAwait(false) is { } source)
            {
                await storage.Sources.PutAsync(
                    new SourceRecord { BlobName = name, ETag = "", Outcome = source.Outcome, ArticleId = source.ArticleId, ProcessedAt = source.ProcessedAt },
                    cancellationToken).ConfigureAwait(false);
            }

            var result = await ingestor.IngestAsync(storage.Uploads.GetBlobClient(name), cancellationToken).ConfigureAwait(false);
            results.Add(result.Outcome == IngestionOutcome.Missing
                ? await ingestor.RemoveAsync(name, cancellationToken).ConfigureAwait(false)
                : result);
        }

        return results;
    }
}
