using Feed.Core.Feeds;
using Feed.Core.Storage;

namespace Feed.Core.Ingestion;

/// <summary>
/// Rebuilds every feed index from the normalized store, the source of truth: each feed gets exactly the entries of
/// the stored articles that belong to it, and a feed no stored article belongs to any more is deleted. Rebuilding
/// an index that is already right writes nothing, so a feed's ETag only moves when its content was wrong. It runs
/// under the fold lease, after folding what is pending, so that no fold writes a feed while it is rebuilt.
/// </summary>
public sealed class FeedRebuilder(FeedStorage storage, FeedIndexWriter indexWriter, FeedChangeFolder folder)
{
    public async Task<FeedRebuildResult> RebuildAsync(CancellationToken cancellationToken = default)
    {
        FeedRebuildResult? result = null;
        await folder.RunExclusiveAsync(async token => result = await RebuildUnderLeaseAsync(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return result!;
    }

    private async Task<FeedRebuildResult> RebuildUnderLeaseAsync(CancellationToken cancellationToken)
    {
        var feeds = new Dictionary<FeedKey, (string Title, List<FeedEntry> Entries, DateTimeOffset TitleFrom)>();
        var articles = 0;
        await foreach (var article in storage.Articles.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            articles++;
            var entry = FeedEntry.From(article);
            foreach (var key in FeedKey.For(article))
            {
                // The title comes from the most recently updated article, as it does at ingestion.
                var title = FeedTitles.For(key, article);
                if (!feeds.TryGetValue(key, out var feed))
                {
                    feeds[key] = (title, [entry], article.Updated);
                    continue;
                }

                feed.Entries.Add(entry);
                if (article.Updated > feed.TitleFrom)
                {
                    feeds[key] = (title, feed.Entries, article.Updated);
                }
            }
        }

        var existing = await storage.Feeds.ListAsync(cancellationToken).ConfigureAwait(false);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(feeds, parallel, async (feed, token) =>
            await indexWriter.ReplaceAsync(feed.Key, feed.Value.Title, feed.Value.Entries, token).ConfigureAwait(false)).ConfigureAwait(false);

        var deleted = 0;
        foreach (var key in existing.Select(f => f.Key).Where(key => !feeds.ContainsKey(key)))
        {
            if (await DeleteOrphanAsync(key, cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }

        return new FeedRebuildResult(articles, feeds.Count, deleted);
    }

    /// <summary>Deletes the index unless an article of it was stored since the listing (then it is no orphan).</summary>
    private async Task<bool> DeleteOrphanAsync(FeedKey key, CancellationToken cancellationToken)
    {
        var stored = await storage.Feeds.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        foreach (var entry in stored.Value.Entries)
        {
            if (await storage.Articles.GetAsync(entry.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }
        }

        return await storage.Feeds.DeleteAsync(key, stored.ETag, cancellationToken).ConfigureAwait(false);
    }
}
