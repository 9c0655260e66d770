using System.IO.Compression;
using Azure.Storage.Blobs;
using BenchmarkDotNet.Attributes;
using Feed.Core.Feeds;
using Feed.Core.Http;
using Feed.Core.Rendering;
using Feed.Core.Serialization;
using Feed.Core.Storage;

namespace Feed.Benchmarks.Serving;

/// <summary>
/// What serving the benchmark's topic feed would cost without the rendered-feed cache: rendering its head, and the
/// whole path from storage (read the index blob, deserialize, render, gzip). Reads the feed the serving benchmark
/// ingested: FEED_BENCH_STORAGE (connection string) and FEED_BENCH_FEED (e.g. topics/synthetic-shared).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class RenderFromScratchBenchmarks
{
    private static readonly Uri BaseUrl = new("http://127.0.0.1:7480/");

    private BlobClient _blob = null!;
    private FeedIndex _index = null!;
    private FeedKey _key;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var storage = Environment.GetEnvironmentVariable("FEED_BENCH_STORAGE") ?? throw new InvalidOperationException("set FEED_BENCH_STORAGE");
        var path = Environment.GetEnvironmentVariable("FEED_BENCH_FEED") ?? "topics/synthetic-shared";
        _key = path == "all" ? FeedKey.All : path.StartsWith("topics/", StringComparison.Ordinal) ? FeedKey.Topic(path[7..]) : FeedKey.Provider(path[10..]);
        _blob = new BlobServiceClient(storage).GetBlobContainerClient("feed-data").GetBlobClient(BlobPaths.Feed(_key));
        _index = await ReadAsync();
    }

    [Benchmark(Baseline = true, Description = "Render RSS of the head (in memory)")]
    public byte[] RenderRss() => FeedRenderer.Render(View(_index), FeedFormat.Rss);

    [Benchmark(Description = "Read index blob + deserialize + render RSS + gzip")]
    public async Task<byte[]> FromStorageAsync() =>
        new RenderedFeed(FeedRenderer.Render(View(await ReadAsync()), FeedFormat.Rss)).Encoded(ContentCoding.Gzip);

    private async Task<FeedIndex> ReadAsync() =>
        JsonBlobContainer.Deserialize((await _blob.DownloadContentAsync()).Value.Content, FeedJsonContext.Default.FeedIndex)!;

    private FeedView View(FeedIndex index) =>
        new(_key, index.Title, "Articles about " + index.Title, PublicUrls.Feed(BaseUrl, _key, FeedFormat.Rss), PublicUrls.Catalog(BaseUrl), index.LastModified, index.Entries)
        {
            PrevArchiveUrl = PublicUrls.Archive(BaseUrl, _key, index.ArchivePageCount, FeedFormat.Rss),
        };
}
