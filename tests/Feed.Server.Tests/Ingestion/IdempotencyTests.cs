using Azure;
using Feed.Core.Articles;
using Feed.Core.Feeds;
using Feed.Core.Ingestion;
using Feed.Core.Parsing;
using Feed.Testing;
using Feed.Testing.Feeds;
using Feed.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Server.Tests.Ingestion;

/// <summary>At-least-once delivery: the same blob version processed again changes nothing a reader or storage sees.</summary>
public sealed class IdempotencyTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string SeedName = "000_2f0b49fc412bc3b3.txt";
    private static readonly Article Seed = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile)).Article!;

    [Fact]
    public async Task IngestAsync_SameBlobVersionTwice_NoNewFeedETagNoDuplicate()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await IngestSeedAsync(cancellationToken);
        var before = await SnapshotAsync(cancellationToken);
        var ingestor = host.Services.GetRequiredService<ArticleIngestor>();
        var blob = host.Uploads.GetBlobClient(SeedName);

        var first = await ingestor.IngestAsync(blob, cancellationToken);
        var second = await ingestor.IngestAsync(blob, cancellationToken);
        // Even with its source record lost (so that nothing says it was done), processing it again writes nothing.
        await host.Storage.Sources.DeleteAsync(SeedName, cancellationToken);
        var third = await ingestor.IngestAsync(blob, cancellationToken);

        Assert.Equal(IngestionOutcome.Unchanged, first.Outcome);
        Assert.Equal(IngestionOutcome.Unchanged, second.Outcome);
        Assert.Equal(IngestionOutcome.Ingested, third.Outcome);
        Assert.Equal(before, await SnapshotAsync(cancellationToken));
        var report = await FeedCompleteness.CheckAsync(host.Http, host.Storage.Feeds, ExpectedFeeds.From([Seed]), cancellationToken);
        Assert.True(report.Problems.Count == 0, report.ToString());
    }

    [Fact]
    public async Task ReconcileAsync_RunTwice_SecondPassProcessesNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await IngestSeedAsync(cancellationToken);
        var before = await SnapshotAsync(cancellationToken);
        var reconciler = host.Services.GetRequiredService<UploadReconciler>();

        await reconciler.ReconcileAsync(cancellationToken);
        var second = await reconciler.ReconcileAsync(cancellationToken);

        Assert.Equal(0, second.Ingested);
        Assert.Equal(0, second.Removed);
        Assert.Equal(0, second.Failed);
        Assert.True(second.Uploads >= 1);
        Assert.Equal(before, await SnapshotAsync(cancellationToken));
    }

    private async Task IngestSeedAsync(CancellationToken cancellationToken)
    {
        await host.UploadAsync(SeedName, RepositoryPaths.SeedFile);
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>The HTTP ETag of each of the seed's feeds in each format, and the storage ETags of their indexes and of the article.</summary>
    private async Task<string> SnapshotAsync(CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var key in FeedKey.For(Seed))
        {
            foreach (var format in new[] { "rss", "atom", "json" })
            {
                using var response = await host.Http.GetAsync(new Uri($"api/feeds/{key.Path}.{format}", UriKind.Relative), cancellationToken);
                response.EnsureSuccessStatusCode();
                parts.Add($"{key.Path}.{format} {response.Headers.ETag} {response.Content.Headers.LastModified:R}");
            }

            parts.Add($"index {key.Path} {(await host.Storage.Feeds.GetAsync(key, cancellationToken))?.ETag}");
        }

        ETag? article = (await host.Storage.Articles.GetAsync(Seed.Id, cancellationToken))?.ETag;
        parts.Add($"article {article}");
        return string.Join('\n', parts);
    }
}
