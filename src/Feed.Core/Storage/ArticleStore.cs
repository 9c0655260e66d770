using Azure;
using Azure.Storage.Blobs.Models;
using Feed.Core.Articles;
using Feed.Core.Serialization;

namespace Feed.Core.Storage;

/// <summary>The normalized store: one JSON document per article, keyed by its id. The source of truth for every feed.</summary>
public sealed class ArticleStore(JsonBlobContainer container)
{
    public Task<StoredDocument<Article>?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        container.GetAsync(BlobPaths.Article(id), FeedJsonContext.Default.Article, cancellationToken);

    /// <summary>
    /// Replaces <paramref name="replacing"/> with <paramref name="article"/>, keeping its metadata (its first holder,
    /// <see cref="ArticleHolders"/>); false when the stored version is no longer that one.
    /// </summary>
    public async Task<bool> TryReplaceAsync(Article article, StoredDocument<Article> replacing, CancellationToken cancellationToken = default) =>
        await container.PutAsync(BlobPaths.Article(article.Id), article, FeedJsonContext.Default.Article, ifMatch: replacing.ETag, metadata: replacing.Metadata, cancellationToken: cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// Stores <paramref name="article"/> only if no document has its id, naming upload <paramref name="holder"/> as
    /// its first holder in the same request; false when one has.
    /// </summary>
    public async Task<bool> TryCreateAsync(Article article, string holder, CancellationToken cancellationToken = default) =>
        await container.PutAsync(BlobPaths.Article(article.Id), article, FeedJsonContext.Default.Article, ifNoneMatch: ETag.All, metadata: ArticleHolders.FirstHolderMetadata(holder), cancellationToken: cancellationToken).ConfigureAwait(false) is not null;

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        container.DeleteAsync(BlobPaths.Article(id), cancellationToken: cancellationToken);

    /// <summary>Every stored article, in id order.</summary>
    public async IAsyncEnumerable<Article> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in container.Client.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobPaths.ArticlesPrefix }, cancellationToken).ConfigureAwait(false))
        {
            var id = item.Name[BlobPaths.ArticlesPrefix.Length..^".json".Length];
            var stored = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                yield return stored.Value;
            }
        }
    }
}
