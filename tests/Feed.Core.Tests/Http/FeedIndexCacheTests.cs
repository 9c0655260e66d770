using Azure.Storage.Blobs;
using Feed.Core.Feeds;
using Feed.Core.Http;
using Feed.Core.Storage;
using Feed.Server.Azurite;
using Feed.Testing.Storage;
using Feed.Testing.Time;

namespace Feed.Core.Tests.Http;

public sealed class FeedIndexCacheTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly FeedKey Key = FeedKey.Topic("ai");
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAsync_ManyConcurrentRequestsOnColdCache_ShareOneStorageRead()
    {
        var store = await CreateStoreAsync(azurite.ConnectionString);
        await store.PutAsync(Index("AI"), ifMatch: null, TestContext.Current.CancellationToken);
        var cache = new FeedIndexCache(store, new ManualClock(Start));

        var indexes = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => cache.GetAsync(Key, TestContext.Current.CancellationToken)));

        // Every read of storage deserializes its own instance, so one instance means one read.
        Assert.All(indexes, index => Assert.Same(indexes[0], index));
        Assert.Equal("AI", indexes[0]!.Title);
    }

    [Fact]
    public async Task GetAsync_ChangedInStorageAfterFreshness_AnswersCachedAtOnceThenTheChange()
    {
        var store = await CreateStoreAsync(azurite.ConnectionString);
        var first = await store.PutAsync(Index("Before"), ifMatch: null, TestContext.Current.CancellationToken);
        var clock = new ManualClock(Start);
        var cache = new FeedIndexCache(store, clock);
        Assert.Equal("Before", (await cache.GetAsync(Key, TestContext.Current.CancellationToken))!.Title);

        await store.PutAsync(Index("After"), first, TestContext.Current.CancellationToken);
        clock.Advance(cache.Freshness + TimeSpan.FromMilliseconds(1));

        Assert.Equal("Before", (await cache.GetAsync(Key, TestContext.Current.CancellationToken))!.Title);
        Assert.Equal("After", await WaitForTitleAsync(cache, "After"));
    }

    [Fact]
    public async Task GetAsync_StorageStoppedWithinStaleWindow_AnswersCachedIndex()
    {
        var (cache, clock, storage) = await CacheThenStopStorageAsync("Kept");
        await using var stopped = storage;

        clock.Advance(cache.Freshness + cache.StaleWhileRevalidate - TimeSpan.FromSeconds(1));

        Assert.Equal("Kept", (await cache.GetAsync(Key, TestContext.Current.CancellationToken))!.Title);
    }

    [Fact]
    public async Task GetAsync_StorageStoppedPastStaleWhileRevalidate_AnswersLastGoodVersionAndSaysStale()
    {
        var (cache, clock, storage) = await CacheThenStopStorageAsync("Kept");
        await using var stopped = storage;

        clock.Advance(cache.Freshness + cache.StaleWhileRevalidate + TimeSpan.FromHours(1));

        Assert.Equal("Kept", (await cache.GetAsync(Key, TestContext.Current.CancellationToken))!.Title);
        Assert.Equal(1, cache.Stale.Feeds);
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("Kept", (await cache.GetAsync(Key, TestContext.Current.CancellationToken))!.Title);
        }

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"once stale, requests are answered at once: 20 took {started.Elapsed}");
    }

    [Fact]
    public async Task GetAsync_StorageStoppedPastStaleIfError_ThrowsStorageFailure()
    {
        var (cache, clock, storage) = await CacheThenStopStorageAsync("Gone");
        await using var stopped = storage;

        clock.Advance(cache.Freshness + cache.StaleIfError);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => cache.GetAsync(Key, TestContext.Current.CancellationToken));
        Assert.True(StorageFailure.Is(exception), exception.ToString());
    }

    [Fact]
    public async Task GetAsync_StorageStalls_AnswersLastGoodVersionWithinStorageWait()
    {
        var endpoint = new BlobServiceClient(azurite.ConnectionString).Uri;
        await using var proxy = new StallingProxy(endpoint.Port);
        var store = await CreateStoreAsync(azurite.ConnectionString.Replace($"127.0.0.1:{endpoint.Port}", $"127.0.0.1:{proxy.Port}", StringComparison.Ordinal));
        await store.PutAsync(Index("Kept"), ifMatch: null, TestContext.Current.CancellationToken);
        var clock = new ManualClock(Start);
        var cache = new FeedIndexCache(store, clock) { StorageWait = TimeSpan.FromMilliseconds(500) };
        await cache.GetAsync(Key, TestContext.Current.CancellationToken);
        proxy.Stall();

        clock.Advance(cache.Freshness + cache.StaleWhileRevalidate + TimeSpan.FromSeconds(1));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var first = await cache.GetAsync(Key, TestContext.Current.CancellationToken);
        var firstTook = started.Elapsed;
        var second = await cache.GetAsync(Key, TestContext.Current.CancellationToken);

        Assert.Equal(("Kept", "Kept"), (first!.Title, second!.Title));
        Assert.InRange(firstTook, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(3));
        Assert.True(started.Elapsed - firstTook < TimeSpan.FromMilliseconds(200), "once stale, the next request is answered at once");
        Assert.Equal(1, cache.Stale.Feeds);
    }

    [Fact]
    public async Task Invalidate_AfterWrite_NextRequestReadsTheChange()
    {
        var store = await CreateStoreAsync(azurite.ConnectionString);
        var first = await store.PutAsync(Index("Before"), ifMatch: null, TestContext.Current.CancellationToken);
        var cache = new FeedIndexCache(store, new ManualClock(Start));
        await cache.GetAsync(Key, TestContext.Current.CancellationToken);

        await store.PutAsync(Index("After"), first, TestContext.Current.CancellationToken);
        cache.Invalidate(Key);

        Assert.Equal("After", (await cache.GetAsync(Key, TestContext.Current.CancellationToken))!.Title);
    }

    /// <summary>A cache that has read the feed from an Azurite of its own, which is then stopped.</summary>
    private static async Task<(FeedIndexCache Cache, ManualClock Clock, AzuriteProcess Storage)> CacheThenStopStorageAsync(string title)
    {
        var storage = await AzuriteProcess.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var store = await CreateStoreAsync(storage.Endpoints.ConnectionString);
        await store.PutAsync(Index(title), ifMatch: null, TestContext.Current.CancellationToken);
        var clock = new ManualClock(Start);
        var cache = new FeedIndexCache(store, clock);
        await cache.GetAsync(Key, TestContext.Current.CancellationToken);
        await storage.StopAsync(TestContext.Current.CancellationToken);
        return (cache, clock, storage);
    }

    private static async Task<FeedIndexStore> CreateStoreAsync(string connectionString)
    {
        var options = new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } };
        var container = new BlobServiceClient(connectionString, options).GetBlobContainerClient("cache-" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        return new FeedIndexStore(new JsonBlobContainer(container));
    }

    private static FeedIndex Index(string title) => new() { Kind = Key.Kind, Key = Key.Key, Title = title, LastModified = Start };

    private static async Task<string> WaitForTitleAsync(FeedIndexCache cache, string title)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var seen = (await cache.GetAsync(Key, TestContext.Current.CancellationToken))!.Title;
        while (seen != title && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            seen = (await cache.GetAsync(Key, TestContext.Current.CancellationToken))!.Title;
        }

        return seen;
    }
}
