using System.Diagnostics;
using System.Globalization;
using Feed.Core.Feeds;
using Feed.Core.Ingestion;
using Feed.Testing.Feeds;
using Feed.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Server.Tests.Ingestion;

/// <summary>
/// A bulk upload into the running local host: every article ends up exactly once in every feed it belongs to.
/// CI runs 300 articles; <c>FEED_LOAD_ARTICLES=10000</c> runs the full size and reports the throughput
/// (also appended to the file named by <c>FEED_LOAD_REPORT</c>, when set). Both sides are timed warm: a tenth as many
/// other files are uploaded raw, and ingested, before each clock starts, so that neither figure is the first seconds of a
/// process compiling its code (the host's tiered JIT took 40 % of its CPU in a cold 25-second run).
/// </summary>
public sealed class BulkIngestionTests
{
    private static int Size => int.TryParse(Environment.GetEnvironmentVariable("FEED_LOAD_ARTICLES"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : 300;

    [Fact]
    public async Task Ingest_BulkUploadOf16Parallel_EveryArticleOnceInEveryFeed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var size = Size;
        var warmUp = Math.Max(size / 10, 10);
        var all = SyntheticUploads.Create(warmUp + size);
        var (warm, uploads) = (all.Slice(0, warmUp), all.Slice(warmUp, size));
        var expected = ExpectedFeeds.From(all.Articles());
        await using var host = new LocalHostFixture();
        await host.InitializeAsync();

        // Baseline, same run and same Azurite: the raw upload of the same files into a container no one watches.
        var baselineContainer = host.Storage.Service.GetBlobContainerClient("baseline");
        await baselineContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await warm.UploadAsync(baselineContainer, 16, cancellationToken);
        var azuriteBefore = host.Azurite.ProcessorTime;
        var baseline = await uploads.UploadAsync(baselineContainer, 16, cancellationToken);
        var baselineAzurite = host.Azurite.ProcessorTime - azuriteBefore;
        await baselineContainer.DeleteAsync(cancellationToken: cancellationToken);

        await warm.UploadAsync(host.Uploads, 16, cancellationToken);
        await WaitForIngestedAsync(host, warmUp, TimeSpan.FromSeconds(60 + warmUp), cancellationToken);
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(30), cancellationToken);

        var started = Stopwatch.GetTimestamp();
        azuriteBefore = host.Azurite.ProcessorTime;
        var hostBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var uploadTime = await uploads.UploadAsync(host.Uploads, 16, cancellationToken);
        await WaitForIngestedAsync(host, warmUp + size, TimeSpan.FromSeconds(60 + (size / 2)), cancellationToken);
        await WaitForFoldedAsync(host, TimeSpan.FromSeconds(30), cancellationToken);
        var endToEnd = Stopwatch.GetElapsedTime(started);
        var endToEndAzurite = host.Azurite.ProcessorTime - azuriteBefore;
        var endToEndHost = Process.GetCurrentProcess().TotalProcessorTime - hostBefore;
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(30), cancellationToken);
        var settled = Stopwatch.GetElapsedTime(started);

        var report = await FeedCompleteness.CheckAsync(host.Http, host.Storage.Feeds, expected, cancellationToken);

        Assert.True(report.Problems.Count == 0, report.ToString());
        Assert.Equal(expected.Members.Values.Sum(ids => ids.Count), report.Entries);
        Assert.True(expected.Members[FeedKey.Topic("synthetic-shared")].Count > size / 3, "half of the articles share one topic");
        var health = (await host.HealthAsync(cancellationToken)).Body;
        Assert.Equal(warmUp + size, health["ingested"]!.GetValue<long>());
        Assert.Equal(0, health["rejected"]!.GetValue<long>());

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{size} articles after {warmUp} to warm up, {expected.Members.Count} feeds: end to end (every article in its feeds) {endToEnd.TotalSeconds:F1} s = {size / endToEnd.TotalSeconds:F0} articles/s "
            + $"(uploads done after {uploadTime.TotalSeconds:F1} s; every upload's record checked after {settled.TotalSeconds:F1} s); baseline raw upload of the same files, 16 parallel: {baseline.TotalSeconds:F1} s = {size / baseline.TotalSeconds:F0} files/s; "
            + $"ratio {baseline.TotalSeconds / endToEnd.TotalSeconds:P1} of raw upload speed. Azurite's processor time per file: raw {baselineAzurite.TotalMilliseconds / size:F2} ms, "
            + $"end to end {endToEndAzurite.TotalMilliseconds / size:F2} ms (ratio {baselineAzurite / endToEndAzurite:P1}); this process's (the host's and the uploads') "
            + $"{endToEndHost.TotalMilliseconds / size:F2} ms. Check: {report}");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("FEED_LOAD_REPORT") is { Length: > 0 } file)
        {
            await File.AppendAllTextAsync(file, line + Environment.NewLine, cancellationToken);
        }
    }

    /// <summary>
    /// Waits for the host's own count of ingested uploads (read in this process: polling its health endpoint would
    /// load the storage being measured with a probe every few milliseconds).
    /// </summary>
    private static async Task WaitForIngestedAsync(LocalHostFixture host, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var counters = host.Services.GetRequiredService<IngestionCounters>();
        var deadline = Stopwatch.StartNew();
        var progress = Environment.GetEnvironmentVariable("FEED_LOAD_REPORT");
        var nextProgress = TimeSpan.FromSeconds(30);
        while (deadline.Elapsed < timeout)
        {
            if (counters.Ingested >= count)
            {
                return;
            }

            if (progress is { Length: > 0 } && deadline.Elapsed > nextProgress)
            {
                nextProgress += TimeSpan.FromSeconds(30);
                await File.AppendAllTextAsync(progress, string.Create(CultureInfo.InvariantCulture, $"  progress: {counters.Ingested} of {count} ingested after {deadline.Elapsed.TotalSeconds:F0} s{Environment.NewLine}"), cancellationToken);
            }

            await Task.Delay(10, cancellationToken);
        }

        throw new TimeoutException($"{counters.Ingested} of {count} articles ingested after {timeout}");
    }

    /// <summary>Waits until every stored feed change is folded into its feeds (the pending logs and the fold manifest, two small reads).</summary>
    private static async Task WaitForFoldedAsync(LocalHostFixture host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (await IngestionSettle.CountUnfoldedAsync(host.Storage, cancellationToken) > 0)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"feed changes were still unfolded after {timeout}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
