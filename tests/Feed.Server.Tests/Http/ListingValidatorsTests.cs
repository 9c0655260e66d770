using System.Net;
using System.Net.Http.Headers;

namespace Feed.Server.Tests.Http;

/// <summary>
/// The catalog and the OPML list carry strong validators and answer conditional requests with 304, like feeds, so a
/// reader polling them gets the body only when it changed.
/// </summary>
public sealed class ListingValidatorsTests(SeededHostFixture host) : IClassFixture<SeededHostFixture>
{
    public static TheoryData<string, string?> Listings => new()
    {
        { "/api/feeds", "text/html" },
        { "/api/feeds", "application/json" },
        { "/api/feeds.opml", null },
    };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Get_Listing_HasStrongETagAndLastModified(string path, string? accept)
    {
        using var response = await SendAsync(path, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Get_WithMatchingIfNoneMatch_Answers304RepeatingValidatorsCacheControlAndVary(string path, string? accept)
    {
        using var first = await SendAsync(path, accept);

        using var second = await SendAsync(path, accept, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Content.Headers.LastModified, second.Content.Headers.LastModified);
        Assert.Equal(first.Headers.CacheControl, second.Headers.CacheControl);
        Assert.Equal(first.Headers.Vary, second.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Get_WithIfModifiedSinceOfLastModified_Answers304(string path, string? accept)
    {
        using var first = await SendAsync(path, accept);

        using var second = await SendAsync(path, accept, r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Get_CatalogInHtmlAndJson_HaveDifferentETags()
    {
        using var html = await SendAsync("/api/feeds", "text/html");
        using var json = await SendAsync("/api/feeds", "application/json");

        Assert.NotEqual(html.Headers.ETag, json.Headers.ETag);
    }

    [Fact]
    public async Task Get_AfterANewFeedAppears_OldETagGets200()
    {
        using var catalog = await SendAsync("/api/feeds", "application/json");
        using var opml = await SendAsync("/api/feeds.opml", null);

        await host.UploadTextAsync("listing-validators.md", """
            ---
            category: news
            title: "A new provider arrives"
            excerpt: "It brings a feed of its own."
            publishedDateTime: 2024-06-01T10:00:00Z
            originalUrl: "https://listing-validators.example/new"
            webUrl: "https://listing-validators.example/new"
            type: article
            published: true
            provider:
              name: Listing Validators
              domain: listing-validators.example
            topics:
              - Listings
            secured: "opaque"
            ---

            """);
        await host.WaitForAsync("/api/feeds?format=json", (r, body) => body.Contains("listing-validators.example", StringComparison.Ordinal));

        using var catalogAfter = await SendAsync("/api/feeds", "application/json", r => r.Headers.IfNoneMatch.Add(catalog.Headers.ETag!));
        using var opmlAfter = await SendAsync("/api/feeds.opml", null, r => r.Headers.IfNoneMatch.Add(opml.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, catalogAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opmlAfter.StatusCode);
        Assert.NotEqual(catalog.Headers.ETag, catalogAfter.Headers.ETag);
        Assert.NotEqual(opml.Headers.ETag, opmlAfter.Headers.ETag);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? accept, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        configure?.Invoke(request);
        return await host.Http.SendAsync(request, Token);
    }
}
