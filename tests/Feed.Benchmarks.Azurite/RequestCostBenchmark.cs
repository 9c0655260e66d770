using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Feed.Server.Azurite;

namespace Feed.Benchmarks.Azurite;

/// <summary>
/// Runs each kind of request the write path makes against a fresh Azurite, 16 at a time, and reports Azurite's
/// processor time per request: the weights that decide how many articles a second one Azurite can ingest.
/// </summary>
public static class RequestCostBenchmark
{
    public static async Task RunAsync(int count, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken: cancellationToken);
        var blobs = new BlobServiceClient(azurite.Endpoints.ConnectionString);
        var uploads = blobs.GetBlobContainerClient("uploads");
        var data = blobs.GetBlobContainerClient("data");
        await uploads.CreateAsync(cancellationToken: cancellationToken);
        await data.CreateAsync(cancellationToken: cancellationToken);
        var table = new TableClient(azurite.Endpoints.ConnectionString, "sources");
        await table.CreateAsync(cancellationToken);
        var file = new byte[1232];
        new Random(1).NextBytes(file);

        async Task MeasureAsync(string name, int requests, Func<int, CancellationToken, Task> request)
        {
            var before = azurite.ProcessorTime;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, token) => await request(i, token));
            var used = azurite.ProcessorTime - before;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-52} {requests,6} requests {clock.Elapsed.TotalSeconds,6:F2} s   Azurite {used.TotalMilliseconds / requests,8:F3} ms per request"));
        }

        await MeasureAsync("warm-up: upload (not counted)", count, (i, token) => uploads.GetBlobClient($"warm/{i}.md").UploadAsync(new BinaryData(file), token));
        await MeasureAsync("upload of a file (the raw baseline's request)", count, (i, token) => uploads.GetBlobClient($"{i}.md").UploadAsync(new BinaryData(file), token));
        await MeasureAsync("download of a file", count, (i, token) => uploads.GetBlobClient($"{i}.md").DownloadContentAsync(token));
        await MeasureAsync("article created, If-None-Match: * with metadata", count, (i, token) => data.GetBlobClient($"articles/{i}.json").UploadAsync(
            new BinaryData(new byte[2000]),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, Metadata = new Dictionary<string, string> { ["holder"] = "YS5tZA==" } },
            token));
        await MeasureAsync("source record as a blob with metadata (before)", count, (i, token) => data.GetBlobClient($"sources/{i}.md").UploadAsync(
            new BinaryData(new byte[300]),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["uploadname"] = "YS5tZA==", ["uploadetag"] = "0x8DE000000000000" } },
            token));
        await MeasureAsync("source record as one table row", count, (i, token) => table.UpsertEntityAsync(Row("single", i), cancellationToken: token));
        await MeasureAsync("100 source records in one table transaction", count / 100, (i, token) => table.SubmitTransactionAsync(
            [.. Enumerable.Range(0, 100).Select(j => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row("batch", (i * 100) + j)))], token));
        await MeasureAsync("feed head of 80 KB rewritten", count / 10, (i, token) => data.GetBlobClient($"feeds/{i % 72}.json").UploadAsync(new BinaryData(new byte[80_000]), overwrite: true, token));
        await MeasureAsync($"listing of the upload container ({2 * count} blobs)", 5, async (_, token) =>
        {
            await foreach (var item in uploads.GetBlobsAsync(new GetBlobsOptions(), token))
            {
            }
        });
        await MeasureAsync($"listing of {count} source records as blobs, with metadata", 5, async (_, token) =>
        {
            await foreach (var item in data.GetBlobsAsync(new GetBlobsOptions { Prefix = "sources/", Traits = BlobTraits.Metadata }, token))
            {
            }
        });
        await MeasureAsync($"query of {count} source records as table rows", 5, async (_, token) =>
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter: "PartitionKey eq 'single'", cancellationToken: token))
            {
            }
        });
    }

    private static TableEntity Row(string partition, int i) => new(partition, i.ToString("D8", CultureInfo.InvariantCulture))
    {
        ["Name"] = $"{i}.md",
        ["UploadETag"] = "\"0x8DE000000000000\"",
        ["Outcome"] = "Ingested",
        ["ArticleId"] = "0123456789abcdef",
    };
}
