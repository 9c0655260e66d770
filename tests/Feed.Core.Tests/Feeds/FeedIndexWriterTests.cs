using Feed.Core.Articles;
using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Core.Storage;
using Feed.Testing.Storage;

namespace Feed.Core.Tests.Feeds;

public sealed class FeedIndexWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int HeadSize = 5;
    private const int PageSize = 7;
    private static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ApplyAsync_EntriesInShuffledOrder_EveryEntryExactlyOnceAcrossHeadAndPages()
    {
        var (store, writer) = await CreateAsync();
        var key = FeedKey.Topic("ai");
        var order = Enumerable.Range(0, 60).OrderBy(i => (i * 37) % 61).ToList();

        await Task.WhenAll(order.Select(i => writer.ApplyAsync(key, FeedIndexChange.Upsert(Entry(i), "AI"), TestContext.Current.CancellationToken)));

        var (index, pages) = await ReadAllAsync(store, key);
        Assert.Equal(HeadSize, index.Entries.Count);
        Assert.Equal(Enumerable.Range(55, 5).Reverse().Select(Id), index.Entries.Select(e => e.Id));
        Assert.All(pages.Take(index.Pages.Count), p => Assert.Equal(PageSize, p.Count));
        var all = index.Entries.Concat(pages.SelectMany(p => p)).Select(e => e.Id).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(Enumerable.Range(0, 60).Select(Id).Order(), all.Order());
    }

    [Fact]
    public async Task ApplyAsync_NewerEntries_LeaveFullPagesUnchanged()
    {
        var (store, writer) = await CreateAsync();
        var key = FeedKey.Topic("history");
        for (var i = 0; i < 30; i++)
        {
            await writer.ApplyAsync(key, FeedIndexChange.Upsert(Entry(i), "History"), TestContext.Current.CancellationToken);
        }

        var before = (await store.GetAsync(key, TestContext.Current.CancellationToken))!.Value.Pages.Select(p => p.Blob).ToList();
        for (var i = 30; i < 40; i++)
        {
            await writer.ApplyAsync(key, FeedIndexChange.Upsert(Entry(i), "History"), TestContext.Current.CancellationToken);
        }

        var after = (await store.GetAsync(key, TestContext.Current.CancellationToken))!.Value.Pages.Select(p => p.Blob).ToList();
        Assert.NotEmpty(before);
        Assert.Equal(before, after.Take(before.Count));
        Assert.True(after.Count > before.Count);
    }

    [Fact]
    public async Task ApplyAsync_ArchivedEntryRevisedRemovedOrRedated_StaysExactlyOnce()
    {
        var (store, writer) = await CreateAsync();
        var key = FeedKey.Topic("edits");
        for (var i = 0; i < 40; i++)
        {
            await writer.ApplyAsync(key, FeedIndexChange.Upsert(Entry(i), "Edits"), TestContext.Current.CancellationToken);
        }

        var revised = Entry(3, hash: "revised");
        var redated = Entry(4, published: Start.AddDays(100));
        await writer.ApplyAsync(key, FeedIndexChange.Upsert(revised, "Edits", Entry(3).Published), TestContext.Current.CancellationToken);
        await writer.ApplyAsync(key, FeedIndexChange.Upsert(redated, "Edits", Entry(4).Published), TestContext.Current.CancellationToken);
        await writer.ApplyAsync(key, FeedIndexChange.Remove(Id(5), Entry(5).Published), TestContext.Current.CancellationToken);

        var (index, pages) = await ReadAllAsync(store, key);
        var all = index.Entries.Concat(pages.SelectMany(p => p)).ToList();
        Assert.Equal(39, all.Count);
        Assert.Equal(all.Count, all.Select(e => e.Id).Distinct().Count());
        Assert.DoesNotContain(all, e => e.Id == Id(5));
        Assert.Equal("revised", Assert.Single(all, e => e.Id == Id(3)).ContentHash);
        Assert.Equal(Id(4), index.Entries[0].Id);
    }

    [Fact]
    public async Task ApplyAsync_TwoWritersInDifferentProcesses_LoseNoEntry()
    {
        var (store, first) = await CreateAsync();
        var (_, second) = await CreateAsync(store.Container.Name);
        var key = FeedKey.All;

        var writes = Enumerable.Range(0, 150).Select(i => (i % 2 == 0 ? first : second).ApplyAsync(key, FeedIndexChange.Upsert(Entry(i), "All"), TestContext.Current.CancellationToken));
        await Task.WhenAll(writes);

        var (index, pages) = await ReadAllAsync(store, key);
        var all = index.Entries.Concat(pages.SelectMany(p => p)).Select(e => e.Id).ToList();
        Assert.Equal(Enumerable.Range(0, 150).Select(Id).Order(), all.Order());
    }

    [Fact]
    public async Task ReplaceAsync_SameEntriesTwice_KeepsPagesAndVersion()
    {
        var (store, writer) = await CreateAsync();
        var key = FeedKey.Provider("rebuilt.example");
        var entries = Enumerable.Range(0, 33).Select(i => Entry(i)).ToList();

        await writer.ReplaceAsync(key, "Rebuilt", entries, TestContext.Current.CancellationToken);
        var first = (await store.GetAsync(key, TestContext.Current.CancellationToken))!;
        await writer.ReplaceAsync(key, "Rebuilt", entries, TestContext.Current.CancellationToken);
        var second = (await store.GetAsync(key, TestContext.Current.CancellationToken))!;

        Assert.Equal(first.ETag, second.ETag);
        var (index, pages) = await ReadAllAsync(store, key);
        Assert.Equal(entries.Select(e => e.Id).Order(), index.Entries.Concat(pages.SelectMany(p => p)).Select(e => e.Id).Order());
        Assert.Equal(Enumerable.Range(0, PageSize).Select(Id).Reverse(), pages[0].Select(e => e.Id));
    }

    private async Task<(TestStore Store, FeedIndexWriter Writer)> CreateAsync(string? containerName = null)
    {
        var container = azurite.CreateServiceClient().GetBlobContainerClient(containerName ?? "feeds-" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var store = new FeedIndexStore(new JsonBlobContainer(container));
        var writer = new FeedIndexWriter(store, TimeProvider.System, new FeedOptions { HeadSize = HeadSize, ArchivePageSize = PageSize });
        return (new TestStore(store, container), writer);
    }

    /// <summary>The head and every archive page (the open one last), as a reader following prev-archive sees them.</summary>
    private static async Task<(FeedIndex Index, List<List<FeedEntry>> Pages)> ReadAllAsync(TestStore store, FeedKey key)
    {
        var index = (await store.GetAsync(key, TestContext.Current.CancellationToken))!.Value;
        var pages = new List<List<FeedEntry>>();
        foreach (var page in index.Pages)
        {
            pages.Add((await store.Store.GetPageAsync(key, page.Blob, TestContext.Current.CancellationToken))!.Entries);
        }

        pages.Add(index.Open);
        return (index, pages);
    }

    private static string Id(int i) => i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private static FeedEntry Entry(int i, string? hash = null, DateTimeOffset? published = null) => new()
    {
        Id = Id(i),
        Title = $"Article {i}",
        Link = $"https://example.org/{i}",
        Published = published ?? Start.AddHours(i),
        Updated = published ?? Start.AddHours(i),
        Type = "article",
        ProviderName = "Example",
        ProviderDomain = "example.org",
        Topics = [new ArticleTopic("AI", "ai")],
        ContentHash = hash ?? $"hash{i}",
    };

    private sealed record TestStore(FeedIndexStore Store, Azure.Storage.Blobs.BlobContainerClient Container)
    {
        public Task<StoredDocument<FeedIndex>?> GetAsync(FeedKey key, CancellationToken cancellationToken) => Store.GetAsync(key, cancellationToken);
    }
}
