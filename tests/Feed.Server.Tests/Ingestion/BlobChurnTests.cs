using System.Text.RegularExpressions;
using Feed.Core.Articles;
using Feed.Core.Parsing;
using Feed.Core.Samples;
using Feed.Testing.Feeds;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Ingestion;

/// <summary>Blobs overwritten, deleted and re-uploaded faster than ingestion runs: the feeds end up matching the final blobs.</summary>
public sealed partial class BlobChurnTests
{
    private static readonly SyntheticArticleWriter Writer = new(new SyntheticArticleOptions { Seed = 6 });
    private static readonly ArticleFileReader Reader = new();

    [Fact]
    public async Task Ingest_BlobOverwrittenSeveralTimesQuickly_FeedsMatchFinalBlob()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = new LocalHostFixture();
        await host.InitializeAsync();
        await host.UploadTextAsync("steady.txt", Writer.Write(100));
        await host.UploadTextAsync("churn.txt", Writer.Write(0));
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(30), cancellationToken);

        // Versions 1-4 are other articles (other link, topics, provider); the last one keeps version 4's link with a new title.
        var final = TitleLine().Replace(Writer.Write(4), "title: Final version of the churned article", 1);
        foreach (var version in new[] { Writer.Write(1), Writer.Write(2), Writer.Write(3), Writer.Write(4), final })
        {
            await host.UploadTextAsync("churn.txt", version);
            await Task.Delay(Random.Shared.Next(0, 150), cancellationToken);
        }

        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(60), cancellationToken);

        var expected = ExpectedFeeds.From([Read(Writer.Write(100)), Read(final)]);
        var report = await FeedCompleteness.CheckAsync(host.Http, host.Storage.Feeds, expected, cancellationToken);
        Assert.True(report.Problems.Count == 0, report.ToString());
        var all = await host.Http.GetStringAsync(new Uri("api/feeds/all.atom", UriKind.Relative), cancellationToken);
        Assert.Contains("Final version of the churned article", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Read(Writer.Write(4)).Title, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_BlobsDeletedAndReuploadedQuickly_FeedsMatchFinalBlobs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = new LocalHostFixture();
        await host.InitializeAsync();
        await host.UploadTextAsync("replaced.txt", Writer.Write(10));
        await host.UploadTextAsync("same-again.txt", Writer.Write(11));
        await host.UploadTextAsync("deleted.txt", Writer.Write(12));
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(30), cancellationToken);

        for (var cycle = 0; cycle < 5; cycle++)
        {
            await host.Uploads.DeleteBlobAsync("replaced.txt", cancellationToken: cancellationToken);
            await host.UploadTextAsync("replaced.txt", Writer.Write(20 + cycle));
            await host.Uploads.DeleteBlobAsync("same-again.txt", cancellationToken: cancellationToken);
            await host.UploadTextAsync("same-again.txt", Writer.Write(11));
            await Task.Delay(Random.Shared.Next(0, 250), cancellationToken);
        }

        await host.Uploads.DeleteBlobAsync("deleted.txt", cancellationToken: cancellationToken);
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(60), cancellationToken);

        var expected = ExpectedFeeds.From([Read(Writer.Write(24)), Read(Writer.Write(11))]);
        var report = await FeedCompleteness.CheckAsync(host.Http, host.Storage.Feeds, expected, cancellationToken);
        Assert.True(report.Problems.Count == 0, report.ToString());
        Assert.Null(await host.Storage.Articles.GetAsync(Read(Writer.Write(12)).Id, cancellationToken));
        Assert.Null(await host.Storage.Articles.GetAsync(Read(Writer.Write(10)).Id, cancellationToken));
    }

    private static Article Read(string text) => Reader.Read(System.Text.Encoding.UTF8.GetBytes(text)).Article!;

    [GeneratedRegex("^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();
}
