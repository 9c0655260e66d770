using System.Net;
using System.Text.Json.Nodes;
using Feed.Core.Http;
using Feed.Testing.Consumers;

namespace Feed.Server.Tests.Http;

/// <summary>RFC 5005 archives as a reader walks them, against the local host with a head of 3 and pages of 4.</summary>
public sealed class FeedArchiveTests(ArchivingHostFixture host) : IClassFixture<ArchivingHostFixture>
{
    public static TheoryData<string, int> Feeds => new()
    {
        { "/api/feeds/all", SeededHostFixture.SeedCount },
        { "/api/feeds/topics/ai", 8 },
        { "/api/feeds/topics/power-apps", 2 },
    };

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task FollowPrevArchive_Rss_EveryArticleExactlyOnce(string feed, int expected)
    {
        var ids = new List<string>();
        var url = new Uri(host.BaseUrl, feed + ".rss");
        var documents = 0;
        while (true)
        {
            var bytes = await host.Http.GetByteArrayAsync(url, TestContext.Current.CancellationToken);
            var parsed = await FeedConsumers.FeedparserAsync(bytes);
            Assert.False(parsed["bozo"]!.GetValue<bool>(), $"{url}: {parsed["bozo_exception"]}");
            ids.AddRange(parsed["entries"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
            documents++;
            var previous = parsed["feed"]!["links"]!.AsArray().FirstOrDefault(l => l!["rel"]!.GetValue<string>() == "prev-archive");
            if (previous is null)
            {
                break;
            }

            url = new Uri(previous["href"]!.GetValue<string>());
        }

        Assert.Equal(expected, ids.Count);
        Assert.Equal(expected, ids.Distinct().Count());
        Assert.Equal(expected <= ArchivingHostFixture.HeadSize ? 1 : 2 + ((expected - ArchivingHostFixture.HeadSize) / ArchivingHostFixture.PageSize), documents);
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task FollowNextUrl_JsonFeed_EveryArticleExactlyOnce(string feed, int expected)
    {
        var ids = new List<string>();
        string? url = new Uri(host.BaseUrl, feed + ".json").AbsoluteUri;
        while (url is not null)
        {
            var document = JsonNode.Parse(await host.Http.GetStringAsync(url, TestContext.Current.CancellationToken))!;
            ids.AddRange(document["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            url = document["next_url"]?.GetValue<string>();
        }

        Assert.Equal(expected, ids.Count);
        Assert.Equal(expected, ids.Distinct().Count());
    }

    [Fact]
    public async Task ArchivePages_FullPageImmutable_OpenPageRevalidated()
    {
        // all: 13 seeds = head 3 + pages 1 and 2 (full, 4 each) + open page 3 (2 entries).
        var full = await host.Http.GetAsync("/api/feeds/all/archive/1.atom", TestContext.Current.CancellationToken);
        var open = await host.Http.GetAsync("/api/feeds/all/archive/3.atom", TestContext.Current.CancellationToken);
        var missing = await host.Http.GetAsync("/api/feeds/all/archive/4.atom", TestContext.Current.CancellationToken);
        var limited = await host.Http.GetAsync("/api/feeds/all/archive/1.atom?limit=2", TestContext.Current.CancellationToken);

        Assert.Equal(FeedEndpoints.ImmutableCacheControl, full.Headers.CacheControl!.ToString());
        Assert.Equal("public, max-age=300, stale-while-revalidate=60, stale-if-error=86400", open.Headers.CacheControl!.ToString());
        var fullBody = await full.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<fh:archive />", fullBody, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"current\" type=\"application/atom+xml\" href=\"{new Uri(host.BaseUrl, "/api/feeds/all.atom").AbsoluteUri}\" />", fullBody, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"next-archive\" type=\"application/atom+xml\" href=\"{new Uri(host.BaseUrl, "/api/feeds/all/archive/2.atom").AbsoluteUri}\" />", fullBody, StringComparison.Ordinal);
        Assert.DoesNotContain("prev-archive", fullBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("archive pages 1 to 3", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, limited.StatusCode);
    }

    [Fact]
    public async Task ArchivePage_Rss_ReadByNodeParsers()
    {
        var bytes = await host.Http.GetByteArrayAsync("/api/feeds/all/archive/2.rss", TestContext.Current.CancellationToken);

        var parsed = await FeedConsumers.NodeParsersAsync(bytes);

        Assert.Equal(ArchivingHostFixture.PageSize, parsed["rssParser"]!["items"]!.AsArray().Count);
        Assert.Equal(ArchivingHostFixture.PageSize, parsed["feedParser"]!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task ArchivePage_WithMatchingIfNoneMatch_Answers304()
    {
        var first = await host.Http.GetAsync("/api/feeds/topics/ai/archive/1.rss", TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feeds/topics/ai/archive/1.rss");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(FeedEndpoints.ImmutableCacheControl, second.Headers.CacheControl!.ToString());
    }
}
