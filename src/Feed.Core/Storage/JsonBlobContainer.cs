using System.IO.Compression;
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
    private static readonly BlobHttpHeaders GzipJsonHeaders = new() { ContentType = "application/json; charset=utf-8", ContentEncoding = "gzip" };

    public BlobContainerClient Client { get; } = container;

    public async Task<StoredDocument<T>?> GetAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        where T : class
    {
        try
        {
            var response = await Client.GetBlobClient(path).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var value = Deserialize(response.Value.Content, typeInfo)
                ?? throw new InvalidDataException($"blob '{path}' holds JSON null");
            return new StoredDocument<T>(value, response.Value.Details.ETag, response.Value.Details.Metadata);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/>. With <paramref name="ifMatch"/> the write succeeds only over that version;
    /// <see cref="ETag.All"/> as <paramref name="ifNoneMatch"/> makes it succeed only when the blob does not exist.
    /// Returns the new ETag, or null when the condition failed. With <paramref name="compress"/> the JSON is stored
    /// gzip-compressed (and marked <c>Content-Encoding: gzip</c>); reading tells both apart by their first bytes.
    /// </summary>
    public async Task<ETag?> PutAsync<T>(
        string path,
        T value,
        JsonTypeInfo<T> typeInfo,
        ETag? ifMatch = null,
        ETag? ifNoneMatch = null,
        IDictionary<string, string>? metadata = null,
        bool compress = false,
        CancellationToken cancellationToken = default)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        if (compress)
        {
            bytes = Compress(bytes);
        }

        var options = new BlobUploadOptions
        {
            HttpHeaders = compress ? GzipJsonHeaders : JsonHeaders,
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

    /// <summary>Reads a stored document, plain JSON or gzip-compressed JSON (gzip starts with 0x1f 0x8b, JSON never does).</summary>
    public static T? Deserialize<T>(BinaryData content, JsonTypeInfo<T> typeInfo)
    {
        var span = content.ToMemory().Span;
        if (span.Length < 2 || span[0] != 0x1f || span[1] != 0x8b)
        {
            return content.ToObjectFromJson(typeInfo);
        }

        using var gzip = new GZipStream(content.ToStream(), CompressionMode.Decompress);
        return JsonSerializer.Deserialize(gzip, typeInfo);
    }

    private static byte[] Compress(byte[] json)
    {
        using var buffer = new MemoryStream(json.Length / 4);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return buffer.ToArray();
    }
}
