using System.Net;
using Feed.Core.Configuration;
using Feed.Core.Http;
using Microsoft.AspNetCore.Http;

namespace Feed.Core.Tests.Http;

public sealed class PublicUrlsTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.1.2.3");
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.9");

    public static TheoryData<string> BadForwardedHosts => new()
    {
        "evil.example:99999",
        "evil.example:-1",
        "evil.example:abc",
        "evil.example:",
        "localhost:7801@evil.example",
        "127.0.0.1:7801/../../x",
        "evil.example/path",
        "evil example",
        "evil.example?x=1",
        "evil.example#x",
        "[::1",
        "[not-an-address]:80",
        "-evil.example",
        "",
    };

    [Fact]
    public void BaseUrl_HttpOneZeroWithoutHost_IsLocalhostNotAnException()
    {
        var request = Request(Client, host: null);

        Assert.Equal("http://localhost/", PublicUrls.BaseUrl(request, new FeedOptions()).AbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(BadForwardedHosts))]
    public void BaseUrl_BadForwardedHostFromKnownProxy_KeepsTheRequestHost(string forwardedHost)
    {
        var request = Request(Proxy, "feeds.example.org", ("X-Forwarded-Host", forwardedHost));

        Assert.Equal("http://feeds.example.org/", PublicUrls.BaseUrl(request, Trusting("10.0.0.0/8")).AbsoluteUri);
    }

    [Theory]
    [InlineData("evil.example", "https")]
    [InlineData("evil.example:8443", "http")]
    public void BaseUrl_ForwardedHeadersFromAnyClient_AreIgnored(string forwardedHost, string forwardedProto)
    {
        var request = Request(Client, "feeds.example.org", ("X-Forwarded-Host", forwardedHost), ("X-Forwarded-Proto", forwardedProto));

        Assert.Equal("http://feeds.example.org/", PublicUrls.BaseUrl(request, Trusting("10.0.0.0/8")).AbsoluteUri);
        Assert.Equal("http://feeds.example.org/", PublicUrls.BaseUrl(request, new FeedOptions()).AbsoluteUri);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("10.0.0.0/8")]
    [InlineData("192.168.0.1, 10.1.2.3")]
    public void BaseUrl_ForwardedHeadersFromKnownProxy_TakesTheValueItAdded(string knownProxies)
    {
        var request = Request(Proxy, "internal:8080", ("X-Forwarded-Host", "evil.example, feeds.example.org"), ("X-Forwarded-Proto", "http, https"));

        Assert.Equal("https://feeds.example.org/", PublicUrls.BaseUrl(request, Trusting(knownProxies)).AbsoluteUri);
    }

    [Fact]
    public void BaseUrl_ForwardedFromIpv4MappedProxyAddress_IsTrusted()
    {
        var request = Request(Proxy.MapToIPv6(), "internal", ("X-Forwarded-Host", "feeds.example.org"));

        Assert.Equal("http://feeds.example.org/", PublicUrls.BaseUrl(request, Trusting("10.1.2.3")).AbsoluteUri);
    }

    [Fact]
    public void BaseUrl_PublicBaseUrlSet_NoRequestHeaderChangesIt()
    {
        var request = Request(Proxy, "evil.example", ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "http"));
        var options = new FeedOptions { PublicBaseUrl = "https://feeds.example.org", KnownProxies = "10.0.0.0/8" };

        Assert.Equal("https://feeds.example.org/", PublicUrls.BaseUrl(request, options).AbsoluteUri);
        Assert.False(PublicUrls.UsesForwardedHeaders(request, options));
    }

    [Fact]
    public void Vary_LinksFromKnownProxysHeaders_NamesThem()
    {
        var fromProxy = Request(Proxy, "internal", ("X-Forwarded-Host", "feeds.example.org"));
        var fromClient = Request(Client, "feeds.example.org", ("X-Forwarded-Host", "evil.example"));

        Assert.Equal("Accept-Encoding, X-Forwarded-Host, X-Forwarded-Proto", PublicUrls.Vary(fromProxy, Trusting("10.0.0.0/8"), "Accept-Encoding"));
        Assert.Equal("Accept-Encoding", PublicUrls.Vary(fromClient, Trusting("10.0.0.0/8"), "Accept-Encoding"));
    }

    private static FeedOptions Trusting(string knownProxies) => new() { KnownProxies = knownProxies };

    private static HttpRequest Request(IPAddress remote, string? host, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote;
        context.Request.Scheme = "http";
        if (host is not null)
        {
            context.Request.Host = new HostString(host);
        }

        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        return context.Request;
    }
}
