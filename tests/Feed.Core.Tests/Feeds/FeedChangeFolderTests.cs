using Azure.Storage.Blobs.Specialized;
using Feed.Core.Articles;
using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Core.Serialization;
using Feed.Core.Storage;
using Feed.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Feed.Core.Tests.Feeds;

public sealed class FeedChangeFolderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int HeadSize = 5;
    private const int PageSize = 7;
    private static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FeedKey Key = FeedKey.Topic("ai");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAsync_ManyChangesAtOnce_FewAppendsEveryEntryOnce()
    {
        var (storage, folder) = await CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => folder.AddAsync(Change(i), Token)));
        var logs = await storage.Pending.ListAsync(Token);
        await folder.FoldAsync(Token);

        var log = Assert.Single(logs);
        var blocks = (await storage.Data.GetAppendBlobClient(BlobPaths.Pending(log.Name)).GetPropertiesAsync(cancellationToken: Token)).Value.BlobCommittedBlockCount;
        Assert.InRange(blocks, 1, 20);
        Assert.Equal(Enumerable.Range(0, 200).Select(Id).Order(), (await ListedIdsAsync(storage)).Order());
        Assert.Equal(0, await storage.Pending.CountUnfoldedAsync(await storage.FoldLease.ReadManifestAsync(Token), Token));
    }

    [Fact]
    public async Task FoldAsync_AfterABusyBatchOnceChangesStop_FoldsWithoutWaitingOutTheInterval()
    {
        var (storage, folder) = await CreateAsync(minFoldInterval: TimeSpan.FromHours(1));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => folder.AddAsync(Change(i), Token)));
        await folder.FoldAsync(Token);

        await folder.AddAsync(Change(3), Token);
        var fold = folder.FoldAsync(Token);

        await fold.WaitAsync(TimeSpan.FromSeconds(30), Token);
        Assert.Equal(Enumerable.Range(0, 4).Select(Id).Order(), (await ListedIdsAsync(storage)).Order());
        Assert.Equal(2, folder.Batches);
    }

    [Fact]
    public async Task FoldAsync_ChangesLeftByTheLayoutBeforeLogs_FoldedOnceThenDeleted()
    {
        var (storage, folder) = await CreateAsync();
        var data = new JsonBlobContainer(storage.Data);
        await data.PutAsync(BlobPaths.Pending("0638000000000000000-aaaaaaaaaaaa.json"), Change(1), FeedJsonContext.Default.PendingFeedChange, compress: true, cancellationToken: Token);
        await data.PutAsync(BlobPaths.Pending("0638000000000000001-bbbbbbbbbbbb.json"), Change(2), FeedJsonContext.Default.PendingFeedChange, cancellationToken: Token);
        await storage.Data.GetBlobClient(BlobPaths.FoldLease).UploadAsync(BinaryData.FromString("""{"unfinished":["0638000000000000000-aaaaaaaaaaaa.json"]}"""), Token);
        await folder.AddAsync(Change(3), Token);

        await folder.FoldAsync(Token);
        await FoldFindingNothingAsync(folder);

        Assert.Equal(new[] { Id(1), Id(2), Id(3) }, (await ListedIdsAsync(storage)).Order());
        Assert.DoesNotContain(await storage.Pending.ListAsync(Token), log => log.IsSingleChange);
        var manifest = await storage.FoldLease.ReadManifestAsync(Token);
        Assert.Null(manifest.Unfinished);
        Assert.Empty(manifest.InProgress);
    }

    [Fact]
    public async Task FoldAsync_LogFoldedAndOlderThanTheDelay_Deleted()
    {
        var (storage, folder) = await CreateAsync(deleteFoldedLogsAfter: TimeSpan.Zero);
        await folder.AddAsync(Change(1), Token);

        await folder.FoldAsync(Token);
        await FoldFindingNothingAsync(folder);

        Assert.Empty(await storage.Pending.ListAsync(Token));
        Assert.Equal([Id(1)], await ListedIdsAsync(storage));
        Assert.Empty((await storage.FoldLease.ReadManifestAsync(Token)).Folded);
    }

    [Fact]
    public async Task FoldAsync_LogYoungerThanTheDelay_KeptAndNotFoldedTwice()
    {
        var (storage, folder) = await CreateAsync();
        await folder.AddAsync(Change(1), Token);
        await folder.FoldAsync(Token);

        await folder.AddAsync(Change(2), Token);
        await folder.FoldAsync(Token);

        var log = Assert.Single(await storage.Pending.ListAsync(Token));
        Assert.Equal(log.Length, (await storage.FoldLease.ReadManifestAsync(Token)).Folded[log.Name]);
        Assert.Equal(new[] { Id(1), Id(2) }, (await ListedIdsAsync(storage)).Order());
    }

    private async Task<(FeedStorage Storage, FeedChangeFolder Folder)> CreateAsync(TimeSpan? deleteFoldedLogsAfter = null, TimeSpan? minFoldInterval = null)
    {
        var options = new FeedOptions { DataContainer = "fold-" + Guid.NewGuid().ToString("N")[..12], HeadSize = HeadSize, ArchivePageSize = PageSize };
        var storage = new FeedStorage(azurite.ConnectionString, options);
        await storage.Data.CreateIfNotExistsAsync(cancellationToken: Token);
        var writer = new FeedIndexWriter(storage.Feeds, TimeProvider.System, options);
        var folder = new FeedChangeFolder(storage.Pending, storage.FoldLease, writer, NullLogger<FeedChangeFolder>.Instance)
        {
            DeleteFoldedLogsAfter = deleteFoldedLogsAfter ?? TimeSpan.FromMinutes(2),
            MinFoldInterval = minFoldInterval ?? TimeSpan.Zero,
            BusyBatchChanges = 2,
        };
        return (storage, folder);
    }

    /// <summary>A fold that finds nothing to apply: the one that deletes what is folded (a fold's caller is answered as soon as its batch is in the feeds).</summary>
    private static Task FoldFindingNothingAsync(FeedChangeFolder folder) => folder.FoldAsync(Token);

    /// <summary>Every entry the feed lists over its head and archive pages.</summary>
    private static async Task<List<string>> ListedIdsAsync(FeedStorage storage)
    {
        var index = (await storage.Feeds.GetAsync(Key, Token))!.Value;
        var ids = index.Entries.Concat(index.Open).Select(e => e.Id).ToList();
        foreach (var page in index.Pages)
        {
            ids.AddRange((await storage.Feeds.GetPageAsync(Key, page.Blob, Token))!.Entries.Select(e => e.Id));
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }

    private static string Id(int i) => i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private static PendingFeedChange Change(int i) => new()
    {
        ArticleId = Id(i),
        Entry = new FeedEntry
        {
            Id = Id(i),
            Title = $"Article {i}",
            Link = $"https://example.org/{i}",
            Published = Start.AddHours(i),
            Updated = Start.AddHours(i),
            Type = "article",
            ProviderName = "Example",
            ProviderDomain = "example.org",
            Topics = [new ArticleTopic("AI", "ai")],
            ContentHash = $"hash{i}",
        },
        Feeds = [new PendingFeedTarget { Kind = Key.Kind, Key = Key.Key, Title = "AI" }],
    };
}
