using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Feed.Testing.Consumers;
using Feed.Testing.Http;

namespace Feed.Server.Tests.Http;

/// <summary>What a hostile or odd request gets from the local host: no 500, no link it chose, nothing sniffable.</summary>
public sealed class RequestHardeningTests(OneSeedHostFixture host) : IClassFixture<OneSeedHostFixture>
{
    private const string Feed = OneSeedHostFixture.TopicFeed + ".rss";

    public static TheoryData<string> EveryKindOfAnswer => new()
    {
        Feed,
        OneSeedHostFixture.TopicFeed + ".json",
        "/api/feeds",
        "/api/feeds.opml",
        "/api/health",
        "/api/feeds/topics/no-such-topic.rss",
        "/api/feeds/all.rss?limit=ten",
        "/api/feeds/all.rss?minQuality=1&limit=5",
        "/no/such/route",
    };

    [Fact]
    public async Task Get_HttpOneZeroWithoutHost_AnswersFeedWithLocalhostLinks()
    {
        var response = await RawHttp.SendRequestAsync(host.BaseUrl, $"GET {Feed} HTTP/1.0\r\n\r\n", TestContext.Current.CancellationToken);

        Assert.Equal(200, response.Status);
        Assert.Contains("href=\"http://localhost/api/feeds/topics/ai-ethics.rss\"", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Forwarded-Host: evil.example")]
    [InlineData("X-Forwarded-Host: evil.example:99999")]
    [InlineData("X-Forwarded-Host: localhost:7801@evil.example")]
    [InlineData("X-Forwarded-Host: 127.0.0.1:7801/../../x")]
    [InlineData("X-Forwarded-Proto: javascript")]
    public async Task Get_ForwardedHeaderFromUntrustedClient_LinksKeepTheRequestHost(string header)
    {
        var response = await RawHttp.SendAsync(host.BaseUrl, "GET", Feed, [header, "X-Forwarded-Proto: https"], TestContext.Current.CancellationToken);

        Assert.Equal(200, response.Status);
        var self = XDocument.Parse(response.Body).Descendants(XNamespace.Get("http://www.w3.org/2005/Atom") + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(new Uri(host.BaseUrl, Feed).AbsoluteUri, self.Attribute("href")!.Value);
        Assert.Equal("Accept, Accept-Encoding", response.Headers["vary"]);
    }

    [Theory]
    [MemberData(nameof(EveryKindOfAnswer))]
    public async Task Get_AnyAnswer_SaysNosniff(string target)
    {
        var response = await RawHttp.SendAsync(host.BaseUrl, "GET", target, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(response.Headers.TryGetValue("x-content-type-options", out var value), $"{target} answered {response.Status} without X-Content-Type-Options");
        Assert.Equal("nosniff", value);
    }

    [Fact]
    public async Task Get_ProblemEchoingMarkup_EchoesItPercentEncoded()
    {
        var response = await RawHttp.SendAsync(host.BaseUrl, "GET", "/api/feeds/all.rss?%3Cscript%3Ealert(1)%3C/script%3E=1", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(400, response.Status);
        Assert.StartsWith("text/plain", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.DoesNotContain("<", response.Body, StringComparison.Ordinal);
        Assert.Contains("%3Cscript%3E", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?type=article&limit=5", "?limit=5&type=article")]
    [InlineData("?minQuality=10&limit=5", "?limit=5&minQuality=10")]
    [InlineData("?limit=%35", "?limit=5")]
    [InlineData("?provider=SCMP.com", "?provider=scmp.com")]
    [InlineData("?", "")]
    public async Task Get_QueryNotInCanonicalForm_RedirectsPermanentlyToTheSelfLink(string query, string canonical)
    {
        var response = await RawHttp.SendAsync(host.BaseUrl, "GET", Feed + query, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(308, response.Status);
        var location = response.Headers["location"];
        Assert.Equal(new Uri(host.BaseUrl, Feed + canonical).AbsoluteUri, location);
        var target = await host.Http.GetAsync(location, TestContext.Current.CancellationToken);
        var parsed = await FeedConsumers.FeedparserAsync(await target.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(location, parsed["feed"]!["self"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Feeds_DeclareTheConfiguredLanguage()
    {
        var rss = XDocument.Parse(await host.Http.GetStringAsync(Feed, TestContext.Current.CancellationToken));
        var atom = XDocument.Parse(await host.Http.GetStringAsync(OneSeedHostFixture.TopicFeed + ".atom", TestContext.Current.CancellationToken));
        var json = JsonNode.Parse(await host.Http.GetStringAsync(OneSeedHostFixture.TopicFeed + ".json", TestContext.Current.CancellationToken))!;

        Assert.Equal(OneSeedHostFixture.Language, rss.Root!.Element("channel")!.Element("language")!.Value);
        Assert.Equal(OneSeedHostFixture.Language, atom.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal(OneSeedHostFixture.Language, json["language"]!.GetValue<string>());
        var parsed = await FeedConsumers.FeedparserAsync(await host.Http.GetByteArrayAsync(OneSeedHostFixture.TopicFeed + ".atom", TestContext.Current.CancellationToken));
        Assert.Equal(OneSeedHostFixture.Language.ToLowerInvariant(), parsed["feed"]!["language"]!.GetValue<string>().ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(Feed, TestContext.Current.CancellationToken)).StatusCode);
    }
}
