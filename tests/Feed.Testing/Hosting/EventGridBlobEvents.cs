using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Feed.Testing.Hosting;

/// <summary>
/// Storage events in the Event Grid schema, field for field as Event Grid delivers them to a webhook
/// (compare <c>seeds/blob-created.event.json</c>): Azurite sends none, so tests post them to the host themselves.
/// </summary>
public static class EventGridBlobEvents
{
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";

    public const string BlobDeleted = "Microsoft.Storage.BlobDeleted";

    private static long s_sequencer;

    /// <summary>The event Event Grid sends when <paramref name="blob"/> was written (PutBlob), from its current properties.</summary>
    public static async Task<JsonObject> CreatedAsync(BlobClient blob, CancellationToken cancellationToken = default)
    {
        BlobProperties properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var data = Data("PutBlob", blob, properties.ContentType, properties.BlobType);
        data.Insert(1, "clientRequestId", Guid.NewGuid().ToString());
        data.Insert(3, "eTag", properties.ETag.ToString().Trim('"'));
        data.Insert(5, "contentLength", properties.ContentLength);
        return Event(BlobCreated, blob, data);
    }

    /// <summary>The event Event Grid sends when <paramref name="blob"/> was deleted (DeleteBlob).</summary>
    public static JsonObject Deleted(BlobClient blob, string contentType = "text/plain") =>
        Event(BlobDeleted, blob, Data("DeleteBlob", blob, contentType, BlobType.Block));

    private static JsonObject Event(string eventType, BlobClient blob, JsonObject data) => new()
    {
        ["topic"] = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/{blob.AccountName}",
        ["subject"] = $"/blobServices/default/containers/{blob.BlobContainerName}/blobs/{blob.Name}",
        ["eventType"] = eventType,
        ["id"] = Guid.NewGuid().ToString(),
        ["data"] = data,
        ["dataVersion"] = "",
        ["metadataVersion"] = "1",
        ["eventTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
    };

    private static JsonObject Data(string api, BlobClient blob, string? contentType, BlobType? blobType) => new()
    {
        ["api"] = api,
        ["requestId"] = Guid.NewGuid().ToString(),
        ["contentType"] = contentType ?? "application/octet-stream",
        ["blobType"] = blobType == BlobType.Append ? "AppendBlob" : blobType == BlobType.Page ? "PageBlob" : "BlockBlob",
        ["url"] = blob.Uri.AbsoluteUri,
        ["sequencer"] = Interlocked.Increment(ref s_sequencer).ToString("x48", CultureInfo.InvariantCulture),
        ["storageDiagnostics"] = new JsonObject { ["batchId"] = Guid.NewGuid().ToString() },
    };
}
