using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Feed.Core.Feeds;
using Feed.Core.Parsing;
using Feed.Functions.Tests.Articles;
using Feed.Testing;
using Feed.Testing.Hosting;

namespace Feed.Functions.Tests;

/// <summary>Ingestion through the blob extension's Event Grid webhook, as Azure delivers uploads to the app.</summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class IngestUploadFunctionTests(FunctionsHostFixture fixture)
{
    /// <summary>Where the blob extension puts a message for a blob whose function failed five times.</summary>
    private const string PoisonQueue = "webjobs-blobtrigger-poison";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IngestUpload_SeedsDelivered_EveryArticleInEachOfItsFeeds()
    {
        var http = fixture.Http;
        await fixture.EnsureSeededAsync();

        var reader = new ArticleFileReader();
        foreach (var file in RepositoryPaths.SeedArticleFiles)
        {
            var article = reader.Read(await File.ReadAllBytesAsync(file, Token)).Article!;
            foreach (var key in FeedKey.For(article))
            {
                var titles = await FeedResponses.TitlesAsync(http, key, Token);
                Assert.True(titles is not null && titles.Contains(article.Title), $"{Path.GetFileName(file)}: '{article.Title}' is not in feed {key}");
            }
        }
    }

    [Fact]
    public async Task IngestUpload_InvalidFile_RecordedAsRejectionAndNotRetried()
    {
        var host = fixture.Host;
        var name = $"invalid-{Guid.NewGuid():N}.md";

        var outcome = await fixture.UploadAndNotifyAsync(name, BinaryData.FromString("---\ntitle: [unclosed\n---\n"), Token);

        Assert.Contains("(Succeeded,", outcome, StringComparison.Ordinal);
        var rejection = await fixture.Storage.Rejections.GetAsync(name, Token);
        Assert.NotNull(rejection);
        Assert.NotEmpty(rejection.Errors);

        // A retry would come through the blob extension's queue within seconds; give it the time to show.
        await Task.Delay(TimeSpan.FromSeconds(3), Token);
        Assert.Single(host.Log, line => line.Contains("Executing 'Functions.IngestUpload'", StringComparison.Ordinal) && line.Contains(name, StringComparison.Ordinal));
        var poison = new QueueServiceClient(fixture.Azurite.Endpoints.ConnectionString).GetQueueClient(PoisonQueue);
        if (await poison.ExistsAsync(Token))
        {
            Assert.Empty((await poison.PeekMessagesAsync(32, Token)).Value);
        }
    }

    [Fact]
    public async Task IngestUpload_SameEventTwice_ChangesNothing()
    {
        var host = fixture.Host;
        var article = new TestArticle($"twice-{Guid.NewGuid():N}"[..14]);
        var blob = fixture.Uploads.GetBlobClient(article.FileName);
        await blob.UploadAsync(article.Content(), overwrite: true, Token);
        var created = await EventGridBlobEvents.CreatedAsync(blob, Token);
        Assert.Contains("(Succeeded,", await DeliverAsync(created), StringComparison.Ordinal);
        var stored = await DataBlobsAsync();
        var feeds = await FeedTagsAsync(article);
        var unchanged = await HealthCounterAsync("unchanged");

        Assert.Contains("(Succeeded,", await DeliverAsync(created), StringComparison.Ordinal);

        Assert.Equal(stored, await DataBlobsAsync());
        Assert.Equal(feeds, await FeedTagsAsync(article));
        Assert.Equal(unchanged + 1, await HealthCounterAsync("unchanged"));
        Assert.All(feeds, tag => Assert.NotNull(tag));

        async Task<string> DeliverAsync(JsonObject blobCreated)
        {
            var from = host.LogLength;
            using var response = await fixture.PostEventsAsync([blobCreated], Token);
            Assert.True(response.IsSuccessStatusCode, $"the webhook answered {(int)response.StatusCode}");
            var outcome = await host.WaitForExecutionAsync(FunctionNames.IngestUpload, from, cancellationToken: Token);
            await fixture.SettleAsync(Token);
            return outcome;
        }
    }

    /// <summary>Every blob of the data container with its ETag: any write would change one.</summary>
    private async Task<Dictionary<string, string>> DataBlobsAsync()
    {
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var item in fixture.Storage.Data.GetBlobsAsync(cancellationToken: Token))
        {
            blobs[item.Name] = item.Properties.ETag.ToString()!;
        }

        return blobs;
    }

    private async Task<List<string?>> FeedTagsAsync(TestArticle article)
    {
        var tags = new List<string?>();
        foreach (var key in article.Feeds)
        {
            using var response = await fixture.Http.GetAsync(new Uri($"api/feeds/{key.Path}.rss", UriKind.Relative), Token);
            tags.Add(response.Headers.ETag?.ToString());
        }

        return tags;
    }

    private async Task<long> HealthCounterAsync(string name)
    {
        var health = JsonNode.Parse(await fixture.Http.GetStringAsync(new Uri("api/health", UriKind.Relative), Token))!;
        return health[name]!.GetValue<long>();
    }
}
