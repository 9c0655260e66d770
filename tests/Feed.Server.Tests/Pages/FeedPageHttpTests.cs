using System.Net;
using Feed.Server.Tests.Http;
using Feed.Testing.Http;

namespace Feed.Server.Tests.Pages;

/// <summary>
/// Feed URLs answer readers with the exact feed bytes and browsers with the page (Accept negotiation), each a
/// representation of its own: ETag, 304, HEAD, compression, Vary, CSP. The catalog page is compressed and validated
/// the same way.
/// </summary>
public sealed class FeedPageHttpTests(SeededHostFixture host) : IClassFixture<SeededHostFixture>
{
    private const string FeedRoute = "/api/feeds/topics/ai.rss";

    private static readonly string[] FeedPaths = ["/api/feeds/topics/ai.rss", "/api/feeds/topics/ai.atom", "/api/feeds/topics/ai.json", "/api/feeds/all.rss?type=article"];

    public static TheoryData<string, string, string> ReaderRequests => Requests(AcceptHeaders.Readers);

    public static TheoryData<string, string, string> BrowserRequests => Requests(AcceptHeaders.Browsers);

    [Theory]
    [MemberData(nameof(ReaderRequests))]
    public async Task Get_ReaderAccept_ServesExactFeedBytes(string reader, string accept, string path)
    {
        var reference = await SendAsync(path, "");
        var expected = await reference.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        var response = await SendAsync(path, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(reference.Content.Headers.ContentType, response.Content.Headers.ContentType);
        var actual = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{reader} got other bytes than the feed");
        Assert.Equal(reference.Headers.ETag, response.Headers.ETag);
        Assert.Equal(["Accept", "Accept-Encoding"], response.Headers.Vary);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [MemberData(nameof(BrowserRequests))]
    public async Task Get_BrowserAccept_ServesPageWithOwnETagAndCsp(string browser, string accept, string path)
    {
        var feed = await SendAsync(path, "");

        var response = await SendAsync(path, accept);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentType!.MediaType == "text/html", $"{browser} got {response.Content.Headers.ContentType}");
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>AI</h1>", html.Replace("<h1>All articles</h1>", "<h1>AI</h1>", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.NotEqual(feed.Headers.ETag, response.Headers.ETag);
        Assert.Equal(["Accept", "Accept-Encoding"], response.Headers.Vary);
        Assert.StartsWith("default-src 'none'; img-src https: http:; style-src 'sha256-", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal($"<{new Uri(host.BaseUrl, path).AbsoluteUri}>; rel=\"self\"", Assert.Single(response.Headers.GetValues("Link")));
        Assert.DoesNotContain("rel=\"hub\"", string.Join(",", response.Headers.GetValues("Link")), StringComparison.Ordinal);
        Assert.Equal("public, max-age=300, stale-while-revalidate=60, stale-if-error=86400", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Get_PageWithItsETag_Answers304AndFeedETagDoesNot()
    {
        var page = await SendAsync(FeedPaths[0], AcceptHeaders.Chromium);
        var feed = await SendAsync(FeedPaths[0], "");

        var again = await SendAsync(FeedPaths[0], AcceptHeaders.Chromium, r => r.Headers.IfNoneMatch.Add(page.Headers.ETag!));
        var withFeedTag = await SendAsync(FeedPaths[0], AcceptHeaders.Chromium, r => r.Headers.IfNoneMatch.Add(feed.Headers.ETag!));
        var readerWithPageTag = await SendAsync(FeedPaths[0], AcceptHeaders.Miniflux, r => r.Headers.IfNoneMatch.Add(page.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(page.Headers.ETag, again.Headers.ETag);
        Assert.Equal(["Accept", "Accept-Encoding"], again.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, withFeedTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readerWithPageTag.StatusCode);
        Assert.Equal("application/rss+xml", readerWithPageTag.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Head_Page_AnswersGetHeadersWithoutBody()
    {
        var get = await SendAsync(FeedPaths[1], AcceptHeaders.Firefox);
        var length = (await get.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;

        var head = await SendAsync(FeedPaths[1], AcceptHeaders.Firefox, method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal("text/html", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal(length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(FeedRoute, "gzip")]
    [InlineData(FeedRoute, "br")]
    [InlineData("/api/feeds", "gzip")]
    [InlineData("/api/feeds", "br")]
    public async Task Get_PageAcceptingCompression_SendsSamePageCompressedWithOwnETag(string path, string coding)
    {
        var plain = await SendAsync(path, AcceptHeaders.Safari);
        var identity = await plain.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        var compressed = await SendAsync(path, AcceptHeaders.Safari, r => r.Headers.AcceptEncoding.ParseAdd(coding));
        var again = await SendAsync(path, AcceptHeaders.Safari, r =>
        {
            r.Headers.AcceptEncoding.ParseAdd(coding);
            r.Headers.IfNoneMatch.Add(compressed.Headers.ETag!);
        });

        Assert.Equal("text/html", compressed.Content.Headers.ContentType!.MediaType);
        Assert.Equal(coding, Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.NotEqual(plain.Headers.ETag, compressed.Headers.ETag);
        Assert.True(compressed.Content.Headers.ContentLength < identity.Length / 3, $"{coding}: {compressed.Content.Headers.ContentLength} of {identity.Length} bytes");
        Assert.Equal(identity, await ContentDecoding.DecodeAsync(compressed, coding, TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Get_Catalog_HasStrongETagAnswering304PerRepresentation()
    {
        var page = await SendAsync("/api/feeds", AcceptHeaders.Chromium);
        var json = await SendAsync("/api/feeds", "application/json");

        var pageAgain = await SendAsync("/api/feeds", AcceptHeaders.Chromium, r => r.Headers.IfNoneMatch.Add(page.Headers.ETag!));
        var jsonWithPageTag = await SendAsync("/api/feeds", "application/json", r => r.Headers.IfNoneMatch.Add(page.Headers.ETag!));

        Assert.False(page.Headers.ETag!.IsWeak);
        Assert.NotEqual(page.Headers.ETag, json.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, pageAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, jsonWithPageTag.StatusCode);
        Assert.Equal("application/json", jsonWithPageTag.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["Accept", "Accept-Encoding"], page.Headers.Vary);
        Assert.NotNull(page.Content.Headers.LastModified);
        Assert.Contains("default-src 'none'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.False(json.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Get_CatalogPage_ShowsEveryFeedGroupedWithCountNewestDateAndThumbnail()
    {
        var html = await (await SendAsync("/api/feeds", AcceptHeaders.Chromium)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("<section class=\"group\" aria-labelledby=\"topics\">", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"group\" aria-labelledby=\"providers\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{new Uri(host.BaseUrl, "/api/feeds/topics/ai.rss").AbsoluteUri}\">AI</a></h3>\n<p class=\"meta\">8 articles · newest <time datetime=\"", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://", html, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button primary\" href=\"{new Uri(host.BaseUrl, "/api/feeds.opml").AbsoluteUri}\">Subscribe to all (OPML)</a>", html, StringComparison.Ordinal);
    }

    private static TheoryData<string, string, string> Requests(IEnumerable<(string Client, string Accept)> clients)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (client, accept) in clients)
        {
            foreach (var path in FeedPaths)
            {
                data.Add(client, accept, path);
            }
        }

        return data;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string accept, Action<HttpRequestMessage>? configure = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (accept.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        configure?.Invoke(request);
        return await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
