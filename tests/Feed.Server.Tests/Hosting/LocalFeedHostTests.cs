using System.Net;
using Feed.Testing;
using Feed.Testing.Consumers;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Hosting;

public sealed class LocalFeedHostTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task TopicFeed_AfterSeedUpload_ServesSeedToFeedparser()
    {
        await host.UploadAsync("000_2f0b49fc412bc3b3.txt", RepositoryPaths.SeedFile);

        var response = await host.WaitForAsync("/api/feeds/topics/ai-ethics.rss", (r, body) => r.StatusCode == HttpStatusCode.OK && body.Contains("SenseTime", StringComparison.Ordinal));

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var parsed = await FeedConsumers.FeedparserAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.False(parsed["bozo"]!.GetValue<bool>(), parsed["bozo_exception"]?.ToString());
        var entry = Assert.Single(parsed["entries"]!.AsArray())!;
        Assert.StartsWith("SenseTime, artificial intelligence platform", entry["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("https://www.scmp.com/business/banking-finance/article/3146708/sensetime-artificial-intelligence-platform-founded-cuhk", entry["link"]!.GetValue<string>());
        Assert.Equal("2021-08-27T16:15:00Z", entry["published"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProviderFeed_FileContentChanged_UpdatedMovesGuidAndPublishedStay()
    {
        var original = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Seeds, "001_b9636eb70e5e314a.txt"), TestContext.Current.CancellationToken);
        const string path = "/api/feeds/providers/robotics-today.example.atom";
        await host.UploadTextAsync("robots.md", original);
        var before = await host.WaitForAsync(path, (r, body) => r.StatusCode == HttpStatusCode.OK);
        var beforeEntry = await SingleEntryAsync(before);
        var changedAt = DateTimeOffset.UtcNow.AddSeconds(-1);

        await host.UploadTextAsync("robots.md", original.Replace("excerpt: \"A research team", "excerpt: \"A university research team", StringComparison.Ordinal));
        var after = await host.WaitForAsync(path, (r, body) => body.Contains("A university research team", StringComparison.Ordinal));
        var afterEntry = await SingleEntryAsync(after);

        Assert.Equal(beforeEntry["updated"]!.GetValue<string>(), beforeEntry["published"]!.GetValue<string>());
        Assert.Equal(beforeEntry["id"]!.GetValue<string>(), afterEntry["id"]!.GetValue<string>());
        Assert.Equal(beforeEntry["published"]!.GetValue<string>(), afterEntry["published"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(afterEntry["updated"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= changedAt.AddSeconds(-1));
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> SingleEntryAsync(HttpResponseMessage response)
    {
        var parsed = await FeedConsumers.FeedparserAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        return Assert.Single(parsed["entries"]!.AsArray())!;
    }

    [Theory]
    [InlineData("/api/feeds/topics/no-such-topic.rss", HttpStatusCode.NotFound, "no topic 'no-such-topic'")]
    [InlineData("/api/feeds/providers/nowhere.example.atom", HttpStatusCode.NotFound, "no provider 'nowhere.example'")]
    [InlineData("/api/feeds/topics/ai.xml", HttpStatusCode.NotFound, "supported: .rss, .atom, .json")]
    public async Task Feed_UnknownTopicProviderOrFormat_Answers404WithReason(string path, HttpStatusCode expected, string reason)
    {
        var response = await host.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
