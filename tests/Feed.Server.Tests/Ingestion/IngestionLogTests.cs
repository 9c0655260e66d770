using Azure.Storage.Blobs;
using Feed.Core.Configuration;
using Feed.Core.Hosting;
using Feed.Core.Ingestion;
using Feed.Core.Storage;
using Feed.Server.Azurite;
using Feed.Testing;
using Feed.Testing.Logging;
using Feed.Testing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feed.Server.Tests.Ingestion;

/// <summary>What operators see of ingestion: one structured log line per file, and counters.</summary>
public sealed class IngestionLogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task IngestAsync_ValidInvalidAndFailing_OneStructuredLineEachAndCounted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var logs = new CapturingLoggerProvider();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [FeedSettingNames.Storage] = azurite.ConnectionString })
            .Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddFeedCore(configuration)
            .BuildServiceProvider();
        var storage = services.GetRequiredService<FeedStorage>();
        await storage.EnsureCreatedAsync(cancellationToken);
        var valid = storage.Uploads.GetBlobClient("valid.txt");
        await valid.UploadAsync(RepositoryPaths.SeedFile, overwrite: true, cancellationToken);
        var invalid = storage.Uploads.GetBlobClient("invalid.txt");
        await invalid.UploadAsync(BinaryData.FromString("---\ntitle: no link, no date\n---\n"), overwrite: true, cancellationToken);
        var unreachable = new BlobClient(
            new Uri($"http://127.0.0.1:{AzuriteProcess.FreePort()}/devstoreaccount1/uploads/unreachable.txt"),
            new BlobClientOptions { Retry = { MaxRetries = 0 } });
        var ingestor = services.GetRequiredService<ArticleIngestor>();

        var ingested = await ingestor.IngestAsync(valid, cancellationToken);
        var rejected = await ingestor.IngestAsync(invalid, cancellationToken);
        await Assert.ThrowsAnyAsync<Exception>(() => ingestor.IngestAsync(unreachable, cancellationToken));

        var lines = logs.Entries.Where(e => e.EventId.Id == 1).ToList();
        Assert.Equal(2, lines.Count);
        foreach (var (line, result) in lines.Zip([ingested, rejected]))
        {
            Assert.Equal(LogLevel.Information, line.Level);
            Assert.Equal(result.BlobName, line.Fields["BlobName"]);
            Assert.Equal(result.ETag, line.Fields["ETag"]);
            Assert.Equal(result.Outcome, line.Fields["Outcome"]);
            Assert.Equal(result.ArticleId, line.Fields["ArticleId"]);
            Assert.IsType<double>(line.Fields["DurationMs"]);
            Assert.True((double)line.Fields["DurationMs"]! > 0);
        }

        Assert.Equal(IngestionOutcome.Ingested, ingested.Outcome);
        Assert.NotNull(ingested.ArticleId);
        Assert.Equal(IngestionOutcome.Rejected, rejected.Outcome);
        var rejection = Assert.Single(logs.Entries, e => e.EventId.Id == 2);
        Assert.Equal("invalid.txt", rejection.Fields["BlobName"]);
        Assert.False(string.IsNullOrEmpty(rejection.Fields["Errors"] as string));
        var failure = Assert.Single(logs.Entries, e => e.EventId.Id == 3);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal("unreachable.txt", failure.Fields["BlobName"]);
        Assert.NotNull(failure.Exception);

        var counters = services.GetRequiredService<IngestionCounters>();
        Assert.Equal((1, 1, 1), (counters.Ingested, counters.Rejected, counters.Retried));
    }
}
