using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;

namespace Feed.Core.Storage;

/// <summary>
/// Which uploads hold an article (one article can be uploaded under several names; it is removed when its last upload
/// is). The upload that created the article is named in the article blob's metadata, written by the same request; any
/// other upload holds it by a marker blob under <see cref="BlobPaths.Holders"/>. Articles stored before the metadata
/// existed have a marker for every holder.
/// </summary>
public sealed class ArticleHolders(JsonBlobContainer container)
{
    private const string FirstHolderKey = "holder";

    /// <summary>The metadata that names <paramref name="uploadName"/> as the article's first holder.</summary>
    public static Dictionary<string, string> FirstHolderMetadata(string uploadName) =>
        new() { [FirstHolderKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(uploadName)) };

    /// <summary>The upload named by an article blob's metadata, if any.</summary>
    public static string? FirstHolder(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(FirstHolderKey, out var name) ? Encoding.UTF8.GetString(Convert.FromBase64String(name)) : null;

    /// <summary>Records that upload <paramref name="uploadName"/> holds article <paramref name="articleId"/>, created by another.</summary>
    public async Task AddAsync(string articleId, string uploadName, CancellationToken cancellationToken = default) =>
        await container.Client.GetBlobClient(BlobPaths.Holder(articleId, uploadName))
            .UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Records that upload <paramref name="uploadName"/> no longer holds article <paramref name="articleId"/>, and
    /// tells whether another upload still does. Its own mark goes before the others are looked for, so of two holders
    /// removed at once, at least the later one finds none.
    /// </summary>
    public async Task<bool> RemoveAsync(string articleId, string uploadName, CancellationToken cancellationToken = default)
    {
        await container.DeleteAsync(BlobPaths.Holder(articleId, uploadName), cancellationToken: cancellationToken).ConfigureAwait(false);
        var firstHolder = await ReleaseFirstHolderAsync(articleId, uploadName, cancellationToken).ConfigureAwait(false);

        var options = new GetBlobsOptions { Prefix = BlobPaths.Holders(articleId) };
        await foreach (var page in container.Client.GetBlobsAsync(options, cancellationToken).AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            if (page.Values.Count > 0)
            {
                return true;
            }
        }

        return firstHolder is not null;
    }

    /// <summary>Clears the article's first holder where it is <paramref name="uploadName"/>; returns the first holder left.</summary>
    private async Task<string?> ReleaseFirstHolderAsync(string articleId, string uploadName, CancellationToken cancellationToken)
    {
        var blob = container.Client.GetBlobClient(BlobPaths.Article(articleId));
        while (true)
        {
            BlobProperties properties;
            try
            {
                properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return null;
            }

            var firstHolder = FirstHolder(properties.Metadata);
            if (firstHolder != uploadName)
            {
                return firstHolder;
            }

            var metadata = new Dictionary<string, string>(properties.Metadata);
            metadata.Remove(FirstHolderKey);
            try
            {
                await blob.SetMetadataAsync(metadata, new BlobRequestConditions { IfMatch = properties.ETag }, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 404)
            {
                // Rewritten or deleted meanwhile: look again.
            }
        }
    }
}
