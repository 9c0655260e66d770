using System.Text.Json.Nodes;
using Feed.Server.Tests.Http;
using Feed.Testing.Consumers;
using Feed.Testing.WebSub;

namespace Feed.Server.Tests.WebSub;

/// <summary>WebSub discovery (§4) as a subscriber does it: the Link header, and the links inside each document.</summary>
public sealed class HubDiscoveryTests(ArchivingHostFixture host) : IClassFixture<ArchivingHostFixture>
{
    public static TheoryData<string> Documents => new()
    {
        "/api/feeds/topics/ai.rss",
        "/api/feeds/topics/ai.atom",
        "/api/feeds/topics/ai.json",
        "/api/feeds/all/archive/1.rss",
        "/api/feeds/all/archive/1.atom",
        "/api/feeds/all/archive/1.json",
        "/api/feeds/topics/ai.rss?type=article&limit=2",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Get_FeedOrArchive_LinkHeaderNamesHubAndExactlyOneSelf(string path)
    {
        using var response = await host.Http.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        var links = LinkHeader.Parse(response.Headers.GetValues("Link"));
        Assert.Equal([new Uri(host.BaseUrl, "/api/websub")], links.Where(l => l.Rel == "hub").Select(l => l.Url));
        var self = Assert.Single(links, l => l.Rel == "self").Url;
        var document = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(self.AbsoluteUri.Replace("&", path.EndsWith(".json", StringComparison.Ordinal) ? "&" : "&amp;", StringComparison.Ordinal), document, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/feeds/topics/ai.rss")]
    [InlineData("/api/feeds/topics/ai.atom")]
    [InlineData("/api/feeds/all/archive/1.rss")]
    [InlineData("/api/feeds/all/archive/1.atom")]
    public async Task Feedparser_XmlDocument_FindsHubAndSelfLinks(string path)
    {
        var bytes = await host.Http.GetByteArrayAsync(path, TestContext.Current.CancellationToken);

        var parsed = await FeedConsumers.FeedparserAsync(bytes);

        Assert.False(parsed["bozo"]!.GetValue<bool>(), $"{path}: {parsed["bozo_exception"]}");
        var links = parsed["feed"]!["links"]!.AsArray();
        Assert.Equal(new Uri(host.BaseUrl, "/api/websub").AbsoluteUri, Assert.Single(links, l => l!["rel"]!.GetValue<string>() == "hub")!["href"]!.GetValue<string>());
        Assert.Single(links, l => l!["rel"]!.GetValue<string>() == "self");
    }

    [Theory]
    [InlineData("/api/feeds/topics/ai.json")]
    [InlineData("/api/feeds/all/archive/1.json")]
    public async Task Get_JsonFeed_HubsListsTheWebSubHub(string path)
    {
        var document = JsonNode.Parse(await host.Http.GetStringAsync(path, TestContext.Current.CancellationToken))!;

        var hub = Assert.Single(document["hubs"]!.AsArray())!;
        Assert.Equal("WebSub", hub["type"]!.GetValue<string>());
        Assert.Equal(new Uri(host.BaseUrl, "/api/websub").AbsoluteUri, hub["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task NodeParsers_RssWithHubLink_StillParse()
    {
        var bytes = await host.Http.GetByteArrayAsync("/api/feeds/topics/ai.rss", TestContext.Current.CancellationToken);

        var parsed = await FeedConsumers.NodeParsersAsync(bytes);

        Assert.Null(parsed["rssParser"]!["error"]);
        Assert.Null(parsed["feedParser"]!["error"]);
        Assert.NotNull(parsed["rssParser"]!["title"]);
    }
}
