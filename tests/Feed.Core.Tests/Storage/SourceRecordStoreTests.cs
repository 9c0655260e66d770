using Azure.Core;
using Azure.Data.Tables;
using Feed.Core.Configuration;
using Feed.Core.Ingestion;
using Feed.Core.Serialization;
using Feed.Core.Storage;
using Feed.Testing;
using Feed.Testing.Storage;

namespace Feed.Core.Tests.Storage;

public sealed class SourceRecordStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Processed = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("a.md")]
    [InlineData("folder/sub dir/#1?ü.md")]
    [InlineData("deep/")]
    public async Task PutAsync_AnyUploadName_ReadAndListedUnderThatName(string name)
    {
        var storage = await CreateAsync();
        var longName = name + new string('x', 1000);

        await storage.Sources.PutAsync(Record(name, "\"0x1\"", "article-1"), Token);
        await storage.Sources.PutAsync(Record(longName, "\"0x2\"", "article-2"), Token);

        var read = await storage.Sources.GetAsync(name, Token);
        Assert.NotNull(read);
        Assert.Equal((name, "\"0x1\"", IngestionOutcome.Ingested, "article-1", Processed), (read.BlobName, read.ETag, read.Outcome, read.ArticleId, read.ProcessedAt));
        Assert.Equal("article-2", (await storage.Sources.GetAsync(longName, Token))?.ArticleId);
        Assert.Equal(new Dictionary<string, string> { [name] = "\"0x1\"", [longName] = "\"0x2\"" }, await storage.Sources.ListProcessedAsync(Token));
    }

    [Fact]
    public async Task PutAsync_OnlyIfAbsentWhereOneExists_FalseAndTheRecordKept()
    {
        var storage = await CreateAsync();
        await storage.Sources.PutAsync(Record("a.md", "\"0x1\"", "first"), Token);

        var written = await storage.Sources.PutAsync(Record("a.md", "\"0x2\"", "second"), onlyIfAbsent: true, Token);

        Assert.False(written);
        Assert.Equal("first", (await storage.Sources.GetAsync("a.md", Token))?.ArticleId);
    }

    [Fact]
    public async Task PutAsync_ManyAtOnceSomeAlreadyRecorded_FewTransactionsEachAnsweredForItself()
    {
        var written = new WrittenBytesPolicy();
        var storage = await CreateAsync(written);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => storage.Sources.PutAsync(Record($"{i}.md", "\"old\"", $"old-{i}"), Token)));
        var before = written.Requests;

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => storage.Sources.PutAsync(Record($"{i}.md", "\"new\"", $"new-{i}"), onlyIfAbsent: i % 2 == 0, Token)));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => i >= 10 || i % 2 == 1), answers);
        Assert.InRange(written.Requests - before, 2, 60);
        var listed = await storage.Sources.ListProcessedAsync(Token);
        Assert.Equal(200, listed.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? "\"old\"" : "\"new\""), Enumerable.Range(0, 10).Select(i => listed[$"{i}.md"]));
    }

    [Fact]
    public async Task PutAsync_SameUploadTwiceAtOnce_LaterRecordStays()
    {
        var storage = await CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => storage.Sources.PutAsync(Record("same.md", $"\"{i}\"", $"article-{i}"), Token)));

        Assert.Equal("article-5", (await storage.Sources.GetAsync("same.md", Token))?.ArticleId);
    }

    [Fact]
    public async Task DeleteAsync_RecordedAndNot_TrueOnlyForTheRecordedAndItIsGone()
    {
        var storage = await CreateAsync();
        await storage.Sources.PutAsync(Record("a.md", "\"0x1\"", "a"), Token);

        Assert.True(await storage.Sources.DeleteAsync("a.md", Token));
        Assert.False(await storage.Sources.DeleteAsync("never.md", Token));
        Assert.Null(await storage.Sources.GetAsync("a.md", Token));
    }

    [Fact]
    public async Task ListProcessedAsync_TwoDataContainersOnOneAccount_EachListsOnlyItsOwn()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();

        await first.Sources.PutAsync(Record("a.md", "\"0x1\"", "a"), Token);
        await second.Sources.PutAsync(Record("b.md", "\"0x2\"", "b"), Token);

        Assert.Equal(["a.md"], (await first.Sources.ListProcessedAsync(Token)).Keys);
        Assert.Equal(["b.md"], (await second.Sources.ListProcessedAsync(Token)).Keys);
        Assert.Null(await first.Sources.GetAsync("b.md", Token));
    }

    [Fact]
    public async Task MoveBlobRecordsAsync_RecordsOfTheBlobLayout_MovedOnceAndANewerTableRecordKept()
    {
        var storage = await CreateAsync();
        var data = new JsonBlobContainer(storage.Data);
        foreach (var name in new[] { "old/a.md", "old/b.md", "c.md" })
        {
            await data.PutAsync(BlobPaths.Source(name), Record(name, "\"blob\"", "from-blob"), FeedJsonContext.Default.SourceRecord, cancellationToken: Token);
        }

        await storage.Sources.PutAsync(Record("c.md", "\"table\"", "from-table"), Token);

        Assert.Equal(3, await storage.Sources.MoveBlobRecordsAsync(Token));
        Assert.Equal(0, await storage.Sources.MoveBlobRecordsAsync(Token));

        Assert.Equal("from-blob", (await storage.Sources.GetAsync("old/b.md", Token))?.ArticleId);
        Assert.Equal("from-table", (await storage.Sources.GetAsync("c.md", Token))?.ArticleId);
        Assert.Equal(3, (await storage.Sources.ListProcessedAsync(Token)).Count);
        Assert.Empty(await storage.Data.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = BlobPaths.SourcesPrefix }, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task MoveBlobRecordsAsync_BlobThatIsNoRecord_LeftWhereItIsAndTheOthersMoved()
    {
        var storage = await CreateAsync();
        var data = new JsonBlobContainer(storage.Data);
        await data.PutAsync(BlobPaths.Source("good.md"), Record("good.md", "\"blob\"", "good"), FeedJsonContext.Default.SourceRecord, cancellationToken: Token);
        await storage.Data.GetBlobClient(BlobPaths.Source("broken.md")).UploadAsync(BinaryData.FromString("{ not json"), Token);

        Assert.Equal(1, await storage.Sources.MoveBlobRecordsAsync(Token));

        Assert.Equal("good", (await storage.Sources.GetAsync("good.md", Token))?.ArticleId);
        Assert.Null(await storage.Sources.GetAsync("broken.md", Token));
        Assert.True((await storage.Data.GetBlobClient(BlobPaths.Source("broken.md")).ExistsAsync(Token)).Value);
    }

    [Fact]
    public void TableName_InTheInfrastructure_CreatedWithTheStorageAccount()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"));

        Assert.Contains($"'{SourceRecordStore.TableName}'", bicep, StringComparison.Ordinal);
    }

    private async Task<FeedStorage> CreateAsync(WrittenBytesPolicy? counted = null)
    {
        var options = new FeedOptions { DataContainer = "sources-" + Guid.NewGuid().ToString("N")[..12] };
        var tableOptions = new TableClientOptions();
        if (counted is not null)
        {
            tableOptions.AddPolicy(counted, HttpPipelinePosition.PerRetry);
        }

        var storage = new FeedStorage(azurite.CreateServiceClient(), new TableServiceClient(azurite.ConnectionString, tableOptions), options);
        await storage.EnsureCreatedAsync(Token);
        return storage;
    }

    private static SourceRecord Record(string name, string etag, string articleId) =>
        new() { BlobName = name, ETag = etag, Outcome = IngestionOutcome.Ingested, ArticleId = articleId, ProcessedAt = Processed };
}
