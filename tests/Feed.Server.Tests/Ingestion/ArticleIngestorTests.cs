using Azure;
using Azure.Storage.Blobs;
using Feed.Core.Articles;
using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Core.Hosting;
using Feed.Core.Ingestion;
using Feed.Core.Storage;
using Feed.Server.Azurite;
using Feed.Testing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Server.Tests.Ingestion;

/// <summary>The blob-trigger path against a real Azurite: what is thrown (retried) and what is recorded (not retried).</summary>
public sealed class ArticleIngestorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Article = """
        ---
        title: Ingestion test
        publishedDateTime: 2021-08-27T16:15:00Z
        webUrl: https://ingestion.example/story
        provider:
          name: Ingestion Example
          domain: ingestion.example
        topics:
          - Ingestion
        ---

        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IngestAsync_BrokenFile_RecordsRejectionWithoutThrowing()
    {
        await using var services = await StartAsync(azurite.ConnectionString);
        var storage = services.GetRequiredService<FeedStorage>();
        var blob = storage.Uploads.GetBlobClient("broken/hello.md");
        var uploaded = await blob.UploadAsync(BinaryData.FromString(Article.Replace("title: Ingestion test", "title: Hello: world", StringComparison.Ordinal)), Token);

        var result = await services.GetRequiredService<ArticleIngestor>().IngestAsync(blob, Token);

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        var rejection = await storage.Rejections.GetAsync("broken/hello.md", Token);
        Assert.NotNull(rejection);
        Assert.Equal(uploaded.Value.ETag.ToString(), rejection.ETag);
        var error = Assert.Single(rejection.Errors);
        Assert.Equal((DiagnosticCodes.YamlInvalid, "title", 2, 13), (error.Code, error.Field, error.Line, error.Column));
        Assert.True(await blob.ExistsAsync(Token), "the uploaded file must stay where it is");
        Assert.Equal(1, services.GetRequiredService<IngestionCounters>().Rejected);
    }

    [Fact]
    public async Task IngestAsync_RejectionInterruptedBeforeItsRecord_RecordsItWhenDeliveredAgain()
    {
        await using var services = await StartAsync(azurite.ConnectionString);
        var storage = services.GetRequiredService<FeedStorage>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var blob = storage.Uploads.GetBlobClient("interrupted/broken.md");
        await blob.UploadAsync(BinaryData.FromString(Article.Replace("title: Ingestion test", "title: Hello: world", StringComparison.Ordinal)), Token);
        await ingestor.IngestAsync(blob, Token);
        await storage.Rejections.DeleteAsync("interrupted/broken.md", Token);

        var again = await ingestor.IngestAsync(blob, Token);

        Assert.Equal(IngestionOutcome.Rejected, again.Outcome);
        Assert.Equal(DiagnosticCodes.YamlInvalid, Assert.Single((await storage.Rejections.GetAsync("interrupted/broken.md", Token))!.Errors).Code);
        Assert.Equal(IngestionOutcome.Unchanged, (await ingestor.IngestAsync(blob, Token)).Outcome);
    }

    [Fact]
    public async Task IngestAsync_StorageUnreachable_ThrowsSoTheTriggerRetries()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        var closedPort = AzuriteProcess.FreePort();
        await using var services = await StartAsync(new AzuriteEndpoints(closedPort, closedPort, closedPort).ConnectionString, createContainers: false, blobOptions: options);
        var blob = services.GetRequiredService<FeedStorage>().Uploads.GetBlobClient("any.md");

        await Assert.ThrowsAsync<RequestFailedException>(() => services.GetRequiredService<ArticleIngestor>().IngestAsync(blob, Token));

        Assert.Equal(1, services.GetRequiredService<IngestionCounters>().Retried);
    }

    [Fact]
    public async Task IngestAsync_FileOverSizeLimit_RejectedWithoutReadingIt()
    {
        await using var services = await StartAsync(azurite.ConnectionString, maxFileBytes: 100);
        var storage = services.GetRequiredService<FeedStorage>();
        var blob = storage.Uploads.GetBlobClient("big.md");
        await blob.UploadAsync(BinaryData.FromString(Article), Token);

        var result = await services.GetRequiredService<ArticleIngestor>().IngestAsync(blob, Token);

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single((await storage.Rejections.GetAsync("big.md", Token))!.Errors).Code);
    }

    [Fact]
    public async Task IngestAsync_FixedFileReuploaded_ClearsRejectionAndPublishes()
    {
        await using var services = await StartAsync(azurite.ConnectionString);
        var storage = services.GetRequiredService<FeedStorage>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var blob = storage.Uploads.GetBlobClient("fix-me.md");
        await blob.UploadAsync(BinaryData.FromString(Article.Replace("2021-08-27T16:15:00Z", "2021-02-30T16:15:00Z", StringComparison.Ordinal)), Token);
        Assert.Equal(IngestionOutcome.Rejected, (await ingestor.IngestAsync(blob, Token)).Outcome);

        await blob.UploadAsync(BinaryData.FromString(Article), overwrite: true, Token);
        var result = await ingestor.IngestAsync(blob, Token);

        Assert.Equal(IngestionOutcome.Ingested, result.Outcome);
        Assert.Null(await storage.Rejections.GetAsync("fix-me.md", Token));
        Assert.NotNull(await storage.Articles.GetAsync(result.ArticleId!, Token));
    }

    [Fact]
    public async Task IngestAsync_SameVersionDeliveredTwice_SecondIsUnchanged()
    {
        await using var services = await StartAsync(azurite.ConnectionString);
        var storage = services.GetRequiredService<FeedStorage>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var blob = storage.Uploads.GetBlobClient("twice.md");
        await blob.UploadAsync(BinaryData.FromString(Article), Token);

        var first = await ingestor.IngestAsync(blob, Token);
        var second = await ingestor.IngestAsync(blob, Token);

        Assert.Equal((IngestionOutcome.Ingested, IngestionOutcome.Unchanged), (first.Outcome, second.Outcome));
        Assert.Equal(first.ArticleId, second.ArticleId);
    }

    [Fact]
    public async Task IngestAsync_SourceSaidAbsentButRecordedMeanwhileWithAnotherArticle_LeavesTheOldArticle()
    {
        await using var services = await StartAsync(azurite.ConnectionString);
        var storage = services.GetRequiredService<FeedStorage>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var blob = storage.Uploads.GetBlobClient("relinked.md");
        await blob.UploadAsync(BinaryData.FromString(Article), Token);
        var before = (await ingestor.IngestAsync(blob, Token)).ArticleId!;
        await blob.UploadAsync(BinaryData.FromString(Article.Replace("/story", "/moved", StringComparison.Ordinal)), overwrite: true, Token);

        var after = await ingestor.IngestAsync(blob, sourceKnownAbsent: true, Token);
        await services.GetRequiredService<FeedChangeFolder>().FoldAsync(Token);

        Assert.Equal(IngestionOutcome.Ingested, after.Outcome);
        Assert.NotEqual(before, after.ArticleId);
        Assert.Equal(after.ArticleId, (await storage.Sources.GetAsync("relinked.md", Token))!.ArticleId);
        Assert.Null(await storage.Articles.GetAsync(before, Token));
        Assert.Equal((0, 1), (await CountAsync(storage, FeedKey.Topic("ingestion"), before), await CountAsync(storage, FeedKey.Topic("ingestion"), after.ArticleId!)));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task RemoveAsync_SameArticleUnderTwoNames_StaysUntilBothAreDeleted(bool creatorDeletedLast, bool storedByTheLayoutWithMarkersOnly)
    {
        var (services, first, second) = await StartWithTwoCopiesAsync(Article.Replace("https://ingestion.example/story", "http://www.ingestion.example/story/", StringComparison.Ordinal));
        await using var _ = services;
        var storage = services.GetRequiredService<FeedStorage>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var id = (await ingestor.IngestAsync(first, Token)).ArticleId!;
        Assert.Equal(id, (await ingestor.IngestAsync(second, Token)).ArticleId);
        await services.GetRequiredService<FeedChangeFolder>().FoldAsync(Token);
        Assert.Equal(1, await CountAsync(storage, FeedKey.Topic("ingestion"), id));
        if (storedByTheLayoutWithMarkersOnly)
        {
            await storage.Data.GetBlobClient(BlobPaths.Article(id)).SetMetadataAsync(new Dictionary<string, string>(), cancellationToken: Token);
            await storage.Holders.AddAsync(id, "one.md", Token);
        }

        var (deletedFirst, deletedLast) = creatorDeletedLast ? (second, first) : (first, second);
        await deletedFirst.DeleteAsync(cancellationToken: Token);
        await ingestor.RemoveAsync(deletedFirst.Name, Token);

        Assert.NotNull(await storage.Articles.GetAsync(id, Token));
        Assert.Equal(1, await CountAsync(storage, FeedKey.All, id));

        await deletedLast.DeleteAsync(cancellationToken: Token);
        await ingestor.RemoveAsync(deletedLast.Name, Token);

        Assert.Null(await storage.Articles.GetAsync(id, Token));
        foreach (var key in new[] { FeedKey.All, FeedKey.Topic("ingestion"), FeedKey.Provider("ingestion.example") })
        {
            Assert.Equal(0, await CountAsync(storage, key, id));
        }
    }

    [Fact]
    public async Task IngestAsync_NewArticle_NamesItsUploadOnTheArticleAndWritesMarkersOnlyForCopies()
    {
        var (services, first, second) = await StartWithTwoCopiesAsync(Article);
        await using var _ = services;
        var storage = services.GetRequiredService<FeedStorage>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();

        var id = (await ingestor.IngestAsync(first, Token)).ArticleId!;
        await ingestor.IngestAsync(first, Token);

        Assert.Equal("one.md", ArticleHolders.FirstHolder((await storage.Articles.GetAsync(id, Token))!.Metadata));
        Assert.Empty(await ListAsync(storage, BlobPaths.HoldersPrefix));

        await ingestor.IngestAsync(second, Token);
        await ingestor.IngestAsync(second, Token);

        Assert.Equal("one.md", ArticleHolders.FirstHolder((await storage.Articles.GetAsync(id, Token))!.Metadata));
        Assert.Equal([BlobPaths.Holder(id, "copy/two.md")], await ListAsync(storage, BlobPaths.HoldersPrefix));
    }

    [Fact]
    public async Task IngestAsync_CopyChangesTheArticleThenIsDeleted_ArticleStaysWithItsFirstUpload()
    {
        var (services, first, second) = await StartWithTwoCopiesAsync(Article);
        await using var _ = services;
        var storage = services.GetRequiredService<FeedStorage>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var id = (await ingestor.IngestAsync(first, Token)).ArticleId!;
        await ingestor.IngestAsync(second, Token);

        await second.UploadAsync(BinaryData.FromString(Article.Replace("title: Ingestion test", "title: Ingestion test, edited", StringComparison.Ordinal)), overwrite: true, Token);
        await ingestor.IngestAsync(second, Token);
        Assert.Equal("Ingestion test, edited", (await storage.Articles.GetAsync(id, Token))!.Value.Title);
        await second.DeleteAsync(cancellationToken: Token);
        await ingestor.RemoveAsync(second.Name, Token);
        await services.GetRequiredService<FeedChangeFolder>().FoldAsync(Token);

        Assert.NotNull(await storage.Articles.GetAsync(id, Token));
        Assert.Equal(1, await CountAsync(storage, FeedKey.All, id));
    }

    [Fact]
    public async Task IngestAsync_FoldInterruptedBetweenFeedWritesThenArchived_ListsArticleOnce()
    {
        await using var services = await StartAsync(
            azurite.ConnectionString,
            extra: new() { [FeedSettingNames.HeadSize] = "1", [FeedSettingNames.ArchivePageSize] = "1" });
        var storage = services.GetRequiredService<FeedStorage>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var topicFeed = storage.Data.GetBlobClient(BlobPaths.Feed(FeedKey.Topic("ingestion")));
        await topicFeed.UploadAsync(BinaryData.FromString("not an index"), Token);
        var older = storage.Uploads.GetBlobClient("older.md");
        await older.UploadAsync(BinaryData.FromString(Article), Token);
        var folder = services.GetRequiredService<FeedChangeFolder>();
        await ingestor.IngestAsync(older, Token);
        await Assert.ThrowsAnyAsync<Exception>(() => folder.FoldAsync(Token));
        Assert.Equal(1, await IngestionSettle.CountUnfoldedAsync(storage, Token));

        var newer = storage.Uploads.GetBlobClient("newer.md");
        await newer.UploadAsync(BinaryData.FromString(Article.Replace("2021-08-27", "2022-01-01", StringComparison.Ordinal).Replace("/story", "/newer", StringComparison.Ordinal).Replace("- Ingestion", "- Other", StringComparison.Ordinal)), Token);
        await ingestor.IngestAsync(newer, Token);
        await Assert.ThrowsAnyAsync<Exception>(() => folder.FoldAsync(Token));
        await topicFeed.DeleteAsync(cancellationToken: Token);
        var again = await ingestor.IngestAsync(older, Token);
        await services.GetRequiredService<UploadReconciler>().ReconcileAsync(Token);
        var id = again.ArticleId!;

        Assert.Equal(IngestionOutcome.Unchanged, again.Outcome);
        Assert.Equal(0, await IngestionSettle.CountUnfoldedAsync(storage, Token));

        foreach (var key in new[] { FeedKey.All, FeedKey.Topic("ingestion"), FeedKey.Provider("ingestion.example") })
        {
            Assert.Equal((key, 1), (key, await CountEverywhereAsync(storage, key, id)));
        }
    }

    /// <summary>How many times the feed lists the article: head, open page and archive pages.</summary>
    private static async Task<int> CountEverywhereAsync(FeedStorage storage, FeedKey key, string id)
    {
        var index = (await storage.Feeds.GetAsync(key, Token))!.Value;
        var count = index.Entries.Concat(index.Open).Count(e => e.Id == id);
        foreach (var page in index.Pages)
        {
            count += (await storage.Feeds.GetPageAsync(key, page.Blob, Token))!.Entries.Count(e => e.Id == id);
        }

        return count;
    }

    /// <summary>Uploads one article as <c>one.md</c> and, as <paramref name="copy"/>, as <c>copy/two.md</c>.</summary>
    private async Task<(ServiceProvider Services, BlobClient First, BlobClient Second)> StartWithTwoCopiesAsync(string copy)
    {
        var services = await StartAsync(azurite.ConnectionString);
        var uploads = services.GetRequiredService<FeedStorage>().Uploads;
        var first = uploads.GetBlobClient("one.md");
        var second = uploads.GetBlobClient("copy/two.md");
        await first.UploadAsync(BinaryData.FromString(Article), Token);
        await second.UploadAsync(BinaryData.FromString(copy), Token);
        return (services, first, second);
    }

    private static async Task<List<string>> ListAsync(FeedStorage storage, string prefix)
    {
        var names = new List<string>();
        await foreach (var item in storage.Data.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }, Token))
        {
            names.Add(item.Name);
        }

        return names;
    }

    private static async Task<int> CountAsync(FeedStorage storage, FeedKey key, string id) =>
        (await storage.Feeds.GetAsync(key, Token))?.Value.Entries.Count(e => e.Id == id) ?? 0;

    private static async Task<ServiceProvider> StartAsync(
        string connectionString, long? maxFileBytes = null, bool createContainers = true, Dictionary<string, string?>? extra = null, BlobClientOptions? blobOptions = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            [FeedSettingNames.Storage] = connectionString,
            [FeedSettingNames.UploadContainer] = "uploads-" + suffix,
            [FeedSettingNames.DataContainer] = "data-" + suffix,
        };
        if (maxFileBytes is { } limit)
        {
            settings[FeedSettingNames.MaxFileBytes] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in extra ?? [])
        {
            settings[name] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(new BlobServiceClient(connectionString, blobOptions)).AddFeedCore(configuration).BuildServiceProvider();
        if (createContainers)
        {
            await services.GetRequiredService<FeedStorage>().EnsureCreatedAsync(Token);
        }

        return services;
    }
}
