using Feed.Core.Storage;

namespace Feed.Testing.Storage;

/// <summary>
/// Waits until ingestion has caught up: every upload's current version has a source record, and no feed change is
/// left to fold into the feeds.
/// </summary>
public static class IngestionSettle
{
    public static async Task WaitAsync(FeedStorage storage, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var lagging = -1;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                lagging = await CountLaggingAsync(storage, cancellationToken);
                if (lagging == 0)
                {
                    return;
                }
            }
            catch (Azure.RequestFailedException)
            {
                // Storage is not answering (yet); keep waiting.
            }
            catch (AggregateException)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"ingestion did not settle within {timeout}: {lagging} upload(s) not processed in their current version");
    }

    /// <summary>Uploads whose current version was not processed, records of uploads that are gone, and feed changes not folded yet.</summary>
    public static async Task<int> CountLaggingAsync(FeedStorage storage, CancellationToken cancellationToken = default) =>
        await CountUnprocessedAsync(storage, cancellationToken) + await CountUnfoldedAsync(storage, cancellationToken);

    /// <summary>Pending logs holding changes not folded into the feeds yet.</summary>
    public static async Task<int> CountUnfoldedAsync(FeedStorage storage, CancellationToken cancellationToken = default) =>
        await storage.Pending.CountUnfoldedAsync(await storage.FoldLease.ReadManifestAsync(cancellationToken), cancellationToken);

    /// <summary>Uploads whose current version was not processed, plus records of uploads that are gone.</summary>
    public static async Task<int> CountUnprocessedAsync(FeedStorage storage, CancellationToken cancellationToken = default)
    {
        var processed = await storage.Sources.ListProcessedAsync(cancellationToken);
        var lagging = 0;
        var current = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Uploads.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            current.Add(blob.Name);
            if (!processed.TryGetValue(blob.Name, out var etag) || etag.Trim('"') != blob.Properties.ETag?.ToString().Trim('"'))
            {
                lagging++;
            }
        }

        return lagging + processed.Keys.Count(name => !current.Contains(name));
    }
}
