using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Feed.Testing.Consumers;
using Feed.Testing.Http;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Http;

/// <summary>HTTP behaviour of the feeds against the local host on Azurite, with the seeds ingested.</summary>
public sealed class FeedEndpointsTests(SeededHostFixture host) : IClassFixture<SeededHostFixture>
{
    private const string TopicFeed = "/api/feeds/topics/ai.rss";

    public static TheoryData<string, string> MediaTypes => new()
    {
        { "/api/feeds/topics/ai.rss", "application/rss+xml" },
        { "/api/feeds/topics/ai.atom", "application/atom+xml" },
        { "/api/feeds/topics/ai.json", "application/feed+json" },
        { "/api/feeds.opml", "text/x-opml" },
        { "/api/feeds", "text/html" },
    };

    public static TheoryData<string, string> BadQueries => new()
    {
        { "?limit=0", "limit must be a whole number from 1 to 200" },
        { "?limit=201", "limit must be a whole number from 1 to 200" },
        { "?limit=ten", "limit must be a whole number from 1 to 200" },
        { "?type=podcast", "type must be 'article' or 'video'" },
        { "?published=yes", "published must be 'true' or 'false'" },
        { "?minQuality=high", "minQuality must be a whole number" },
        { "?provider=not%20a%20domain", "provider must be a domain name" },
        { "?sort=title", "unknown query parameter 'sort'" },
        { "?limit=5&limit=6", "query parameter 'limit' is given 2 times" },
    };

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task Get_EachRepresentation_HasMediaTypeWithUtf8Charset(string path, string mediaType)
    {
        var response = await host.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
    }

    [Fact]
    public async Task Get_WithMatchingIfNoneMatch_Answers304RepeatingETagCacheControlAndVary()
    {
        var first = await host.Http.GetAsync(TopicFeed, TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!;

        var second = await SendAsync(HttpMethod.Get, TopicFeed, r => r.Headers.IfNoneMatch.Add(etag));

        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal("public, max-age=300, stale-while-revalidate=60, stale-if-error=86400", second.Headers.CacheControl!.ToString());
        Assert.Contains("Accept-Encoding", second.Headers.Vary);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Get_WithIfModifiedSince_Answers304OnlyWhenNoIfNoneMatch()
    {
        var first = await host.Http.GetAsync(TopicFeed, TestContext.Current.CancellationToken);
        var lastModified = first.Content.Headers.LastModified!.Value;

        var bySince = await SendAsync(HttpMethod.Get, TopicFeed, r => r.Headers.IfModifiedSince = lastModified);
        var olderSince = await SendAsync(HttpMethod.Get, TopicFeed, r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));
        var otherTag = await SendAsync(HttpMethod.Get, TopicFeed, r =>
        {
            r.Headers.IfModifiedSince = lastModified;
            r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"another-version\""));
        });

        Assert.Equal(HttpStatusCode.NotModified, bySince.StatusCode);
        Assert.Equal(HttpStatusCode.OK, olderSince.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
    }

    [Fact]
    public async Task Head_Feed_AnswersGetHeadersWithoutBody()
    {
        var get = await host.Http.GetAsync(TopicFeed, TestContext.Current.CancellationToken);
        var body = await get.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        var head = await SendAsync(HttpMethod.Head, TopicFeed);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Get_AcceptingCompression_SendsSameFeedCompressedWithOwnETag(string coding)
    {
        var plain = await host.Http.GetAsync(TopicFeed, TestContext.Current.CancellationToken);
        var identity = await plain.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        var compressed = await SendAsync(HttpMethod.Get, TopicFeed, r => r.Headers.AcceptEncoding.ParseAdd(coding));
        var again = await SendAsync(HttpMethod.Get, TopicFeed, r =>
        {
            r.Headers.AcceptEncoding.ParseAdd(coding);
            r.Headers.IfNoneMatch.Add(compressed.Headers.ETag!);
        });

        Assert.Equal(coding, Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.NotEqual(plain.Headers.ETag, compressed.Headers.ETag);
        Assert.Equal(identity, await ContentDecoding.DecodeAsync(compressed, coding, TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Get_BadQuery_Answers400WithReason(string query, string reason)
    {
        var response = await host.Http.GetAsync(TopicFeed + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_QueryInAnyOrder_OneRepresentationWhoseSelfLinkIsItsUrl()
    {
        var one = await host.Http.GetAsync(TopicFeed + "?type=article&limit=5&published=true", TestContext.Current.CancellationToken);
        var other = await host.Http.GetAsync(TopicFeed + "?published=true&type=article&limit=5", TestContext.Current.CancellationToken);

        var canonical = new Uri(host.BaseUrl, TopicFeed + "?limit=5&published=true&type=article");
        Assert.Equal(canonical, one.RequestMessage!.RequestUri);
        var parsed = await FeedConsumers.FeedparserAsync(await one.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(canonical.AbsoluteUri, parsed["feed"]!["self"]!.GetValue<string>());
        Assert.Equal(one.Headers.ETag, other.Headers.ETag);
        Assert.InRange(parsed["entries"]!.AsArray().Count, 1, 5);
    }

    [Fact]
    public async Task Get_TopicNarrowedToProvider_ListsOnlyThatProvidersItems()
    {
        var response = await host.Http.GetAsync("/api/feeds/topics/ai.atom?provider=ai-weekly.example", TestContext.Current.CancellationToken);

        var parsed = await FeedConsumers.FeedparserAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var entries = parsed["entries"]!.AsArray();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("AI Weekly", e!["authors"]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task Get_ForwardedHeadersWithoutKnownProxies_SelfLinkIsTheRequestUrl()
    {
        var response = await SendAsync(HttpMethod.Get, TopicFeed, r =>
        {
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-Host", "feeds.example.org");
        });

        var parsed = await FeedConsumers.FeedparserAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(new Uri(host.BaseUrl, TopicFeed).AbsoluteUri, parsed["feed"]!["self"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Feed_NewestFirstWithFileDatesNeverNow()
    {
        var response = await host.Http.GetAsync("/api/feeds/all.atom", TestContext.Current.CancellationToken);

        var parsed = await FeedConsumers.FeedparserAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var entries = parsed["entries"]!.AsArray().Select(e => e!).ToList();
        Assert.Equal(SeededHostFixture.SeedCount, entries.Count);
        var published = entries.Select(e => DateTimeOffset.Parse(e["published"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(published.OrderByDescending(d => d), published);
        Assert.All(entries, e => Assert.Equal(e["published"]!.GetValue<string>(), e["updated"]!.GetValue<string>()));
        Assert.All(published, d => Assert.True(d < DateTimeOffset.UtcNow.AddDays(-1), $"{d} looks like 'now'"));
    }

    [Fact]
    public async Task Get_CatalogAskingForJson_ListsEveryFeedWithCountsAndUrls()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feeds");
        request.Headers.Accept.ParseAdd("application/json");
        var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        var catalog = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var feeds = catalog["feeds"]!.AsArray().Select(f => f!).ToList();
        var ai = Assert.Single(feeds, f => f["kind"]!.GetValue<string>() == "topic" && f["key"]!.GetValue<string>() == "ai");
        Assert.Equal(8, ai["itemCount"]!.GetValue<int>());
        Assert.Equal(new Uri(host.BaseUrl, "/api/feeds/topics/ai.rss").AbsoluteUri, ai["rss"]!.GetValue<string>());
        Assert.Contains(feeds, f => f["kind"]!.GetValue<string>() == "provider" && f["key"]!.GetValue<string>() == "scmp.com");
    }

    [Fact]
    public async Task Get_CatalogAsHtml_HasAutodiscoveryLinkForEveryFeed()
    {
        var html = await host.Http.GetStringAsync("/api/feeds", TestContext.Current.CancellationToken);

        Assert.Contains($"<link rel=\"alternate\" type=\"application/rss+xml\" title=\"AI\" href=\"{new Uri(host.BaseUrl, "/api/feeds/topics/ai.rss").AbsoluteUri}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"All articles\" href=\"{new Uri(host.BaseUrl, "/api/feeds/all.atom").AbsoluteUri}\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "provider")]
    [InlineData("?kind=providers", "provider")]
    [InlineData("?kind=topics", "topic")]
    [InlineData("?kind=all", "all")]
    public async Task Get_Opml_IsOpml2OfOneKindWhoseEveryFeedAnswers(string query, string kind)
    {
        var opml = XDocument.Parse(await host.Http.GetStringAsync("/api/feeds.opml" + query, TestContext.Current.CancellationToken));

        Assert.Equal("2.0", opml.Root!.Attribute("version")!.Value);
        var urls = opml.Descendants("outline").Select(o => o.Attribute("xmlUrl")?.Value).OfType<string>().ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.Contains(kind == "all" ? "/api/feeds/all.rss" : $"/api/feeds/{kind}s/", url, StringComparison.Ordinal));
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public async Task Get_OpmlByDefault_ListsEveryArticleExactlyOnceAcrossItsFeeds()
    {
        var opml = XDocument.Parse(await host.Http.GetStringAsync("/api/feeds.opml", TestContext.Current.CancellationToken));
        var guids = new List<string>();
        var empty = new List<string>();

        foreach (var url in opml.Descendants("outline").Select(o => o.Attribute("xmlUrl")?.Value).OfType<string>())
        {
            var feed = XDocument.Parse(await host.Http.GetStringAsync(url, TestContext.Current.CancellationToken));
            var items = feed.Descendants("item").Select(i => i.Element("guid")!.Value).ToList();
            if (items.Count == 0)
            {
                empty.Add(url);
            }

            guids.AddRange(items);
        }

        // A reader that keys items by guid (newsboat) would show a repeated guid in one feed only.
        Assert.Empty(empty);
        Assert.Equal(guids.Count, guids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(SeededHostFixture.SeedCount, guids.Count);
    }

    [Fact]
    public async Task Get_OpmlUnknownKind_Answers400WithReason()
    {
        var response = await host.Http.GetAsync("/api/feeds.opml?kind=everything", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind must be providers", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reingest_SameContentUnderNewBlobVersion_KeepsETagAndDates()
    {
        var before = await host.Http.GetAsync("/api/feeds/providers/policylab.example.atom", TestContext.Current.CancellationToken);
        var beforeBody = await before.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var file = Path.Combine(Feed.Testing.RepositoryPaths.Seeds, "012_ad3ef4eba3489090.txt");
        var health = await HealthAsync();

        await host.UploadAsync(Path.GetFileName(file), file);
        await host.WaitForAsync("/api/health", (r, body) => JsonNode.Parse(body)!["ingested"]!.GetValue<long>() > health["ingested"]!.GetValue<long>());
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var after = await host.Http.GetAsync("/api/feeds/providers/policylab.example.atom", TestContext.Current.CancellationToken);
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(before.Content.Headers.LastModified, after.Content.Headers.LastModified);
        Assert.Equal(beforeBody, await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<JsonNode> HealthAsync() => JsonNode.Parse(await host.Http.GetStringAsync("/api/health", TestContext.Current.CancellationToken))!;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        configure?.Invoke(request);
        return await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
