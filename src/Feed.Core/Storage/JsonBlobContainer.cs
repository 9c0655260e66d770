using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Feed.Core.Storage;

/// <summary>JSON documents in one blob container: read with ETag, write conditionally, delete.</summary>
public sealed class JsonBlobContainer(BlobContainerClient container)
{
    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };

    public BlobContainerClient Client { get; } = container;

    public async Task<StoredDocument<T>?> GetAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        where T : class
    {
        try
        {
            var response = await Client.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var value = response.Value.Content.ToObjectFromJson(typeInfo)
                ?? throw new InvalidDataException($"blob '{path}' holds JSON null");
            return new StoredDocument<T>(value, response.Value.Details.ETag);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/>. With <paramref name="ifMatch"/> the write succeeds only over that version;
    /// <see cref="ETag.All"/> as <paramref name="ifNoneMatch"/> makes it succeed only when the blob does not exist.
    /// Returns the new ETag, or null when the condition failed.
    /// </summary>
    public async Task<ETag?> PutAsync<T>(
        string path,
        T value,
        JsonTypeInfo<T> typeInfo,
        ETag? ifMatch = null,
        ETag? ifNoneMatch = null,
        IDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var options = new BlobUploadOptions
        {
            HttpHeaders = JsonHeaders,
            Metadata = metadata,
            Conditions = ifMatch is null && ifNoneMatch is null ? null : new BlobRequestConditions { IfMatch = ifMatch, IfNoneMatch = ifNoneMatch },
        };
        try
        {
            var response = await Client.GetBlobClient(path).UploadAsync(new BinaryData(bytes), options, cancellationToken).ConfigureAwait(false);
            return response.Value.ETag;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 409 && options.Conditions is not null)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string path, ETag? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var conditions = ifMatch is null ? null : new BlobRequestConditions { IfMatch = ifMatch };
        try
        {
            var response = await Client.GetBlobClient(path)
                .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken)
                .ConfigureAwait(false);
            return response.Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return false;
        }
    }
}
