using System.Diagnostics;
using System.Globalization;
using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Server.Hosting;
using Feed.Testing.Feeds;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Ingestion;

/// <summary>
/// K independent ingesting instances on one storage account, each given a share of the uploads as Functions instances
/// would be: every article ends up exactly once in every feed, no fold fails, and what was written and how often
/// writers met is reported. CI runs 120 articles; <c>FEED_SCALE_ARTICLES=3000</c> is the benchmark (docs/benchmarks.md),
/// its line also appended to the file named by <c>FEED_LOAD_REPORT</c>.
/// </summary>
public sealed class ScaleOutIngestionTests
{
    private const int ParallelPerInstance = 16;

    private static int Size => int.TryParse(Environment.GetEnvironmentVariable("FEED_SCALE_ARTICLES"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : 120;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Ingest_UploadsSharedByIndependentInstances_EveryArticleOnceInEveryFeed(int instances)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var size = Size;
        var uploads = SyntheticUploads.Create(size);
        var expected = ExpectedFeeds.From(uploads.Articles());
        await using var host = new LocalHostFixture
        {
            ExtraSettings = new Dictionary<string, string?> { [$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.Watch)}"] = "false" },
        };
        await host.InitializeAsync();

        // Baseline, same run and same Azurite: the raw upload of the same files into a container no one reads.
        var baselineContainer = host.Storage.Service.GetBlobContainerClient("baseline");
        await baselineContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var baseline = await uploads.UploadAsync(baselineContainer, ParallelPerInstance, cancellationToken);
        await baselineContainer.DeleteAsync(cancellationToken: cancellationToken);
        await uploads.UploadAsync(host.Uploads, ParallelPerInstance, cancellationToken);

        var connectionString = host.Azurite.Endpoints.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            [FeedSettingNames.UploadContainer] = host.Uploads.Name,
            [FeedSettingNames.DataContainer] = host.Storage.Data.Name,
        };
        var processes = Enumerable.Range(0, instances).Select(_ => IngestingProcess.Start(connectionString, settings)).ToList();
        try
        {
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(processes.Select((process, k) =>
                process.IngestAsync(uploads.Files.Where((_, i) => i % instances == k).Select(f => f.Name), ParallelPerInstance, cancellationToken)));
            await DrainAsync(processes, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);

            var report = await FeedCompleteness.CheckAsync(host.Http, host.Storage.Feeds, expected, cancellationToken);
            Assert.True(report.Problems.Count == 0, report.ToString());
            Assert.Equal(expected.Members.Values.Sum(ids => ids.Count), report.Entries);
            Assert.Equal(size, processes.Sum(p => p.Counters.Ingested));
            Assert.Equal(0, processes.Sum(p => p.Counters.Retried));
            Assert.Equal(0, processes.Sum(p => p.Folder.Failures));
            Assert.Equal(size, processes.Sum(p => p.Folder.Folded));

            var fileBytes = uploads.Files.Sum(f => (long)f.Content.ToMemory().Length) / (double)size;
            var written = processes.Sum(p => p.Written.Bytes) / (double)size;
            var heads = processes.Sum(p => p.Writer.Writes);
            var conflicts = processes.Sum(p => p.Writer.Conflicts);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"K={instances}: {size} articles, {expected.Members.Count} feeds, {elapsed.TotalSeconds:F1} s = {size / elapsed.TotalSeconds:F0} articles/s; "
                + $"raw upload of the same files ({ParallelPerInstance} parallel): {baseline.TotalSeconds:F1} s = {size / baseline.TotalSeconds:F0} files/s, ratio {baseline.TotalSeconds / elapsed.TotalSeconds:F2}; "
                + $"written {written:F0} bytes/article for files of {fileBytes:F0} bytes ({written / fileBytes:F1}x), "
                + $"{processes.Sum(p => p.Written.Requests) / (double)size:F1} storage requests/article; "
                + $"{processes.Sum(p => p.Folder.Batches)} batches, {heads} head writes, {conflicts} conflicts ({(heads + conflicts == 0 ? 0 : (double)conflicts / (heads + conflicts)):P2} of head writes), "
                + $"lease busy {processes.Sum(p => p.Folder.LeaseBusy)} times ({string.Join("/", processes.Select(p => p.Folder.Folded))} changes folded per instance). Check: {report}");
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            if (Environment.GetEnvironmentVariable("FEED_LOAD_REPORT") is { Length: > 0 } file)
            {
                await File.AppendAllTextAsync(file, line + Environment.NewLine, cancellationToken);
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Folds until nothing is pending, as the next ingestion or the timer's reconciliation would: an instance that
    /// found the lease busy left its changes to the holder.
    /// </summary>
    private static async Task DrainAsync(IReadOnlyList<IngestingProcess> processes, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (await IngestionSettle.CountUnfoldedAsync(processes[0].Storage, cancellationToken) > 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(120), "pending changes were not folded within 120 s");
            await Task.WhenAll(processes.Select(p => p.Folder.FoldAsync(cancellationToken)));
            await Task.Delay(20, cancellationToken);
        }
    }
}
