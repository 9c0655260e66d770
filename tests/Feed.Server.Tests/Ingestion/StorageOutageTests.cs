using System.Net;
using Feed.Server.Hosting;
using Feed.Testing.Feeds;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Ingestion;

/// <summary>Storage goes away for 10 s in the middle of a bulk ingestion, then comes back with its data.</summary>
public sealed class StorageOutageTests
{
    private const int Size = 200;

    [Fact]
    public async Task Ingest_AzuriteStopped10sMidway_CompletesWithNothingLostOrDuplicated()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var uploads = SyntheticUploads.Create(Size);
        var expected = ExpectedFeeds.From(uploads.Articles());
        await using var host = new LocalHostFixture
        {
            PersistData = true,
            ExtraSettings = new Dictionary<string, string?> { [$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.MaxDegreeOfParallelism)}"] = "4" },
        };
        await host.InitializeAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await uploads.UploadAsync(host.Uploads, 16, cancellationToken);
        await WaitUntilAsync(async () => (await host.HealthAsync(cancellationToken)).Body["ingested"]!.GetValue<long>() >= Size / 10, TimeSpan.FromSeconds(60), cancellationToken);
        var beforeStop = clock.Elapsed;
        await host.Azurite.StopAsync(cancellationToken);
        var stopped = clock.Elapsed;
        var lagging = Size - (await host.HealthAsync(cancellationToken)).Body["ingested"]!.GetValue<long>();
        Assert.True(lagging > 0, "ingestion finished before the outage began; the test needs a larger size");

        var (statusDuringOutage, healthDuringOutage) = await host.HealthAsync(cancellationToken);
        using var feedDuringOutage = await host.Http.GetAsync(new Uri("api/feeds/topics/synthetic-shared.rss", UriKind.Relative), cancellationToken);
        var feedDuringOutageReason = await feedDuringOutage.Content.ReadAsStringAsync(cancellationToken);
        var healthAnswered = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        await host.Azurite.RestartAsync(cancellationToken);
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(120), cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{lagging} of {Size} articles left at the outage; settled {restarted.Elapsed.TotalSeconds:F1} s after the restart; stop at {beforeStop.TotalSeconds:F1} s took {(stopped - beforeStop).TotalSeconds:F1} s; health during the outage answered at {healthAnswered.TotalSeconds:F1} s");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, statusDuringOutage);
        Assert.Equal("unhealthy", healthDuringOutage["status"]!.GetValue<string>());
        Assert.StartsWith("unreachable: ", healthDuringOutage["storage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, feedDuringOutage.StatusCode);
        Assert.StartsWith("storage is not answering", feedDuringOutageReason, StringComparison.Ordinal);
        var report = await FeedCompleteness.CheckAsync(host.Http, host.Storage.Feeds, expected, cancellationToken);
        Assert.True(report.Problems.Count == 0, report.ToString());
        var (status, health) = await host.HealthAsync(cancellationToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("reachable", health["storage"]!.GetValue<string>());
        Assert.True(health["retried"]!.GetValue<long>() > 0, "ingestions that failed during the outage are counted as retried");
        // An ingestion whose last write reached storage as it stopped counts as retried, and is then found done.
        var retried = health["retried"]!.GetValue<long>();
        Assert.InRange(health["ingested"]!.GetValue<long>(), Size - retried, Size);
        Assert.Equal(0, health["rejected"]!.GetValue<long>());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met within {timeout}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
