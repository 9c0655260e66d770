using System.Diagnostics;
using Azure.Storage.Blobs.Models;
using Feed.Core.Feeds;
using Feed.Core.Storage;

namespace Feed.Core.Ingestion;

/// <summary>
/// Brings the store in line with the upload container: ingests every blob whose current version was not processed
/// and removes what was deleted. The local host's watcher and the cloud's timer both run this. A blob whose name
/// cannot be read by it (<see cref="BlobNames"/>) is rejected with a record; a blob that fails is tried again after a
/// growing delay (<see cref="FailingUploads"/>), so nothing loops.
/// </summary>
public sealed class UploadReconciler(FeedStorage storage, ArticleIngestor ingestor, FeedChangeFolder folder, IngestionCounters counters)
{
    /// <summary>How many blobs are ingested at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 16;

    public Task<ReconciliationResult> ReconcileAsync(CancellationToken cancellationToken = default) =>
        ReconcileAsync(known: null, waitForFold: true, cancellationToken);

    /// <summary>
    /// One pass. With <paramref name="known"/>, the processed versions are listed only when it asks for it; without
    /// <paramref name="waitForFold"/>, the pass ends once its ingestions are stored, their fold under way.
    /// </summary>
    public async Task<ReconciliationResult> ReconcileAsync(ProcessedUploads? known, bool waitForFold, CancellationToken cancellationToken = default)
    {
        var cached = known?.Current;
        var processedListing = cached is null ? storage.Sources.ListProcessedAsync(cancellationToken) : null;
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        var listingStarted = Stopwatch.GetTimestamp();
        await foreach (var item in storage.Uploads.GetBlobsAsync(new GetBlobsOptions(), cancellationToken).ConfigureAwait(false))
        {
            current[item.Name] = Bare(item.Properties.ETag?.ToString());
        }

        var listing = Stopwatch.GetElapsedTime(listingStarted);

        // The known versions are used as they are, not copied: only this pass's own ingestions add to them, each
        // under its own name, after its name was looked up.
        IReadOnlyDictionary<string, string> processed;
        if (cached is not null)
        {
            processed = cached;
        }
        else
        {
            var listed = await processedListing!.ConfigureAwait(false);
            known?.Listed(listed);
            processed = listed;
        }

        counters.Failing.KeepOnly(current.Keys.ToHashSet(StringComparer.Ordinal));
        var changed = current.Where(blob => !processed.TryGetValue(blob.Key, out var etag) || Bare(etag) != blob.Value).Select(blob => blob.Key).Where(counters.Failing.IsDue).ToList();
        var deleted = processed.Keys.Where(name => !current.ContainsKey(name)).ToList();

        var failures = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(changed.Select(name => (name, remove: false)).Concat(deleted.Select(name => (name, remove: true))), parallel, async (work, token) =>
        {
            try
            {
                if (work.remove)
                {
                    await ingestor.RemoveAsync(work.name, token).ConfigureAwait(false);
                    known?.Removed(work.name);
                }
                else if (!BlobNames.IsAddressable(work.name))
                {
                    var result = await ingestor.RejectUnreadableNameAsync(work.name, current[work.name], token).ConfigureAwait(false);
                    known?.Processed(work.name, result.ETag);
                }
                else
                {
                    var result = await ingestor.IngestAsync(storage.Uploads.GetBlobClient(work.name), sourceKnownAbsent: !processed.ContainsKey(work.name), token).ConfigureAwait(false);
                    known?.Processed(work.name, result.ETag);
                    if (result.Outcome == IngestionOutcome.Missing)
                    {
                        // Listed, yet not found when read: deleted meanwhile (then the next listing forgets it), or a
                        // name this check does not know to be unreadable; either way, not again at once.
                        counters.Failing.Failed(work.name, "listed, but not found when read");
                        Interlocked.Increment(ref failures);
                        return;
                    }
                }

                counters.Failing.Succeeded(work.name);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Logged by the ingestor; a later pass tries this blob again, after a growing delay.
                counters.Failing.Failed(work.name, StorageFailure.Reason(exception));
                Interlocked.Increment(ref failures);
            }
        }).ConfigureAwait(false);

        // Changes stored by a process that died before folding them are folded here, once its lease has run out
        // (until then a fold finds the lease busy and leaves them; a later pass asks again).
        if (waitForFold)
        {
            await folder.FoldAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            folder.RequestFold();
        }

        return new ReconciliationResult(current.Count, changed.Count, deleted.Count, failures, listing);
    }

    /// <summary>
    /// An ETag without its quotes: a listing gives <c>0x8D…</c> where a download's header gives <c>"0x8D…"</c>, and
    /// comparing them as they come made every pass download every blob again.
    /// </summary>
    private static string Bare(string? etag) => etag?.Trim('"') ?? "";
}
