using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Feed.Server.Commands;
using Feed.Testing.Feeds;
using Feed.Testing.Storage;
using Microsoft.Extensions.Configuration;

namespace Feed.Server.Tests.Commands;

/// <summary><c>feed reindex</c> repairs lost, damaged and orphaned feed indexes from the normalized store.</summary>
public sealed class ReindexCommandTests
{
    [Fact]
    public async Task RunAsync_IndexesDeletedDamagedAndOrphaned_RestoresSameFeedsAndETags()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var uploads = SyntheticUploads.Create(40);
        var expected = ExpectedFeeds.From(uploads.Articles());
        // Indexes are changed here behind the host's back, as another instance would; without a stale window the
        // host's next request past the freshness (1 s) sees the change.
        await using var host = new LocalHostFixture
        {
            ExtraSettings = new Dictionary<string, string?> { [FeedSettingNames.IndexStaleWhileRevalidate] = "00:00:00" },
        };
        await host.InitializeAsync();
        await uploads.UploadAsync(host.Uploads, 16, cancellationToken);
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(60), cancellationToken);
        var httpBefore = await HttpETagsAsync(host, expected, cancellationToken);
        var storedBefore = await StoredETagsAsync(host, expected, cancellationToken);

        var shared = FeedKey.Topic("synthetic-shared");
        await host.Storage.Feeds.DeleteAsync(shared, cancellationToken: cancellationToken);
        var all = (await host.Storage.Feeds.GetAsync(FeedKey.All, cancellationToken))!;
        all.Value.Entries.RemoveAt(3);
        all.Value.Version = "damaged";
        await host.Storage.Feeds.PutAsync(all.Value, all.ETag, cancellationToken);
        var ghost = new FeedIndex { Kind = FeedKind.Topic, Key = "ghost", Title = "Ghost", LastModified = DateTimeOffset.UnixEpoch, Entries = [all.Value.Entries[0]] };
        ghost.Entries[0] = new FeedEntry
        {
            Id = "00000000000000000000000000000000",
            Title = "Not in the store",
            Link = "https://example.org/ghost",
            Published = DateTimeOffset.UnixEpoch,
            Updated = DateTimeOffset.UnixEpoch,
            Type = "article",
            ProviderName = "Ghost",
            ProviderDomain = "example.org",
            ContentHash = "0",
        };
        await host.Storage.Feeds.PutAsync(ghost, null, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken);
        var damaged = await FeedCompleteness.CheckAsync(host.Http, host.Storage.Feeds, expected, cancellationToken);

        var output = new StringWriter();
        var exitCode = await ReindexCommand.RunAsync(Configuration(host), output, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken);

        Assert.Contains(damaged.Problems, p => p.Contains("'topics/synthetic-shared'", StringComparison.Ordinal));
        Assert.Contains(damaged.Problems, p => p.Contains("feed 'all' is missing", StringComparison.Ordinal));
        Assert.Contains(damaged.Problems, p => p.Contains("'topics/ghost'", StringComparison.Ordinal));
        Assert.Equal(0, exitCode);
        Assert.Contains($"Rebuilt {expected.Members.Count} feed(s) from 40 stored article(s); deleted 1 feed(s)", output.ToString(), StringComparison.Ordinal);
        var repaired = await FeedCompleteness.CheckAsync(host.Http, host.Storage.Feeds, expected, cancellationToken);
        Assert.True(repaired.Problems.Count == 0, repaired.ToString());
        Assert.Equal(httpBefore, await HttpETagsAsync(host, expected, cancellationToken));
        var storedAfter = await StoredETagsAsync(host, expected, cancellationToken);
        foreach (var (key, etag) in storedBefore.Where(s => s.Key != shared && s.Key != FeedKey.All))
        {
            Assert.Equal(etag, storedAfter[key]);
        }
    }

    [Fact]
    public async Task RunAsync_Twice_SecondRunWritesNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var uploads = SyntheticUploads.Create(20);
        var expected = ExpectedFeeds.From(uploads.Articles());
        await using var host = new LocalHostFixture();
        await host.InitializeAsync();
        await uploads.UploadAsync(host.Uploads, 16, cancellationToken);
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(60), cancellationToken);

        await ReindexCommand.RunAsync(Configuration(host), TextWriter.Null, cancellationToken);
        var first = await StoredETagsAsync(host, expected, cancellationToken);
        var output = new StringWriter();
        await ReindexCommand.RunAsync(Configuration(host), output, cancellationToken);

        Assert.Equal(first, await StoredETagsAsync(host, expected, cancellationToken));
        Assert.Contains("deleted 0 feed(s)", output.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(LocalHostFixture host) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [FeedSettingNames.Storage] = host.Azurite.Endpoints.ConnectionString }).Build();

    private static async Task<Dictionary<string, string>> HttpETagsAsync(LocalHostFixture host, ExpectedFeeds expected, CancellationToken cancellationToken)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in expected.Members.Keys)
        {
            foreach (var format in new[] { "rss", "atom", "json" })
            {
                using var response = await host.Http.GetAsync(new Uri($"api/feeds/{key.Path}.{format}", UriKind.Relative), cancellationToken);
                etags[$"{key.Path}.{format}"] = $"{(int)response.StatusCode} {response.Headers.ETag}";
            }
        }

        return etags;
    }

    private static async Task<Dictionary<FeedKey, string>> StoredETagsAsync(LocalHostFixture host, ExpectedFeeds expected, CancellationToken cancellationToken)
    {
        var etags = new Dictionary<FeedKey, string>();
        foreach (var key in expected.Members.Keys)
        {
            etags[key] = (await host.Storage.Feeds.GetAsync(key, cancellationToken))?.ETag.ToString() ?? "none";
        }

        return etags;
    }
}
