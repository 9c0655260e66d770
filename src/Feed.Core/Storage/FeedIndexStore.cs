using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Feed.Core.Feeds;
using Feed.Core.Serialization;

namespace Feed.Core.Storage;

/// <summary>
/// Feed indexes, one blob per feed under <c>feeds/</c>, and their archive pages, stored gzip-compressed (about a
/// fifth of their JSON: the head is rewritten whenever its feed changes, so its size is most of what ingestion
/// writes). Title, count and last change are kept as metadata too, so that one listing builds the catalog.
/// Indexes written uncompressed by earlier versions are read as they are.
/// </summary>
public sealed class FeedIndexStore(JsonBlobContainer container)
{
    private const string TitleKey = "title";
    private const string CountKey = "count";
    private const string LastModifiedKey = "lastmodified";
    private const string NewestKey = "newest";
    private const string ImageKey = "image";

    public Task<StoredDocument<FeedIndex>?> GetAsync(FeedKey key, CancellationToken cancellationToken = default) =>
        container.GetAsync(BlobPaths.Feed(key), FeedJsonContext.Default.FeedIndex, cancellationToken);

    /// <summary>
    /// Reads the index unless it is still <paramref name="knownETag"/>: returns (null, true) when unchanged,
    /// (null, false) when there is no such feed.
    /// </summary>
    public async Task<(StoredDocument<FeedIndex>? Index, bool Unchanged)> GetIfChangedAsync(FeedKey key, ETag? knownETag, CancellationToken cancellationToken = default)
    {
        if (knownETag is null)
        {
            return (await GetAsync(key, cancellationToken).ConfigureAwait(false), false);
        }

        try
        {
            var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = knownETag } };
            var response = await container.Client.GetBlobClient(BlobPaths.Feed(key)).DownloadContentAsync(options, cancellationToken).ConfigureAwait(false);
            if (response.GetRawResponse().Status == 304)
            {
                return (null, true);
            }

            var index = JsonBlobContainer.Deserialize(response.Value.Content, FeedJsonContext.Default.FeedIndex)!;
            return (new StoredDocument<FeedIndex>(index, response.Value.Details.ETag), false);
        }
        catch (RequestFailedException exception) when (exception.Status == 304)
        {
            return (null, true);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return (null, false);
        }
    }

    /// <summary>Writes the index over <paramref name="ifMatch"/> (or only if new, when null); null when another writer came first.</summary>
    public Task<ETag?> PutAsync(FeedIndex index, ETag? ifMatch, CancellationToken cancellationToken = default)
    {
        var metadata = new Dictionary<string, string>
        {
            [TitleKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(index.Title)),
            [CountKey] = index.TotalCount.ToString(CultureInfo.InvariantCulture),
            [LastModifiedKey] = index.LastModified.ToString("O", CultureInfo.InvariantCulture),
        };
        if (index.Entries.Count > 0)
        {
            metadata[NewestKey] = index.Entries[0].Published.ToString("O", CultureInfo.InvariantCulture);
        }

        if (index.Entries.SelectMany(e => e.Images).FirstOrDefault() is { } image && image.Url.Length <= 2048)
        {
            metadata[ImageKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(image.Url));
        }

        return container.PutAsync(
            BlobPaths.Feed(index.FeedKey),
            index,
            FeedJsonContext.Default.FeedIndex,
            ifMatch: ifMatch,
            ifNoneMatch: ifMatch is null ? ETag.All : null,
            metadata: metadata,
            compress: true,
            cancellationToken: cancellationToken);
    }

    public Task<bool> DeleteAsync(FeedKey key, ETag? ifMatch = null, CancellationToken cancellationToken = default) =>
        container.DeleteAsync(BlobPaths.Feed(key), ifMatch, cancellationToken);

    /// <summary>One version of an archive page, by the blob name the head's page table gives; null when it is gone.</summary>
    public async Task<ArchivePage?> GetPageAsync(FeedKey key, string blob, CancellationToken cancellationToken = default) =>
        (await container.GetAsync(BlobPaths.ArchivePage(key, blob), FeedJsonContext.Default.ArchivePage, cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>Writes a new version of an archive page under a name nobody else uses (so unconditionally).</summary>
    public Task PutPageAsync(FeedKey key, string blob, ArchivePage page, CancellationToken cancellationToken = default) =>
        container.PutAsync(BlobPaths.ArchivePage(key, blob), page, FeedJsonContext.Default.ArchivePage, compress: true, cancellationToken: cancellationToken);

    public Task<bool> DeletePageAsync(FeedKey key, string blob, CancellationToken cancellationToken = default) =>
        container.DeleteAsync(BlobPaths.ArchivePage(key, blob), cancellationToken: cancellationToken);

    /// <summary>Every feed with its title, count and last change, from one listing.</summary>
    public async Task<List<FeedSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var feeds = new List<FeedSummary>();
        var options = new GetBlobsOptions { Prefix = BlobPaths.FeedsPrefix, Traits = BlobTraits.Metadata };
        await foreach (var item in container.Client.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            var key = ParseKey(item.Name);
            if (key is null
                || !item.Metadata.TryGetValue(TitleKey, out var title)
                || !item.Metadata.TryGetValue(CountKey, out var count)
                || !item.Metadata.TryGetValue(LastModifiedKey, out var lastModified))
            {
                continue;
            }

            feeds.Add(new FeedSummary(
                key.Value,
                Encoding.UTF8.GetString(Convert.FromBase64String(title)),
                int.Parse(count, CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(lastModified, CultureInfo.InvariantCulture))
            {
                NewestPublished = item.Metadata.TryGetValue(NewestKey, out var newest) ? DateTimeOffset.Parse(newest, CultureInfo.InvariantCulture) : null,
                ImageUrl = item.Metadata.TryGetValue(ImageKey, out var image) ? Encoding.UTF8.GetString(Convert.FromBase64String(image)) : null,
            });
        }

        return feeds;
    }

    private static FeedKey? ParseKey(string blobName)
    {
        var path = blobName[BlobPaths.FeedsPrefix.Length..];
        if (!path.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        path = path[..^".json".Length];
        if (path == FeedKey.All.Path)
        {
            return FeedKey.All;
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || path.IndexOf('/', slash + 1) >= 0)
        {
            return null;
        }

        return path[..slash] switch
        {
            "topics" => FeedKey.Topic(path[(slash + 1)..]),
            "providers" => FeedKey.Provider(path[(slash + 1)..]),
            _ => null,
        };
    }
}
