using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Feed.Core.Articles;
using Feed.Core.Normalization;
using Feed.Core.Parsing;
using Feed.Core.Storage;
using Feed.Testing;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Hosting;

/// <summary>What a person uploading files sees through the running local host: feeds, rejections, deletions.</summary>
public sealed class LocalFeedHostIngestionTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly string[] Formats = ["rss", "atom", "json"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_SameArticleUnderTwoNames_OneEntryInEveryFeed_DeleteRemovesIt()
    {
        var first = Article("Identity story", "https://identity.example/story", "Identity Checks");
        var second = first.Replace("https://identity.example/story", "http://www.identity.example/story/", StringComparison.Ordinal);
        var id = new ArticleFileReader().Read(first).Article!.Id;
        var urn = ArticleIdentity.ToUrn(id);
        string[] feeds = ["/api/feeds/all.json", "/api/feeds/topics/identity-checks.json", "/api/feeds/providers/identity.example.json"];

        await host.UploadTextAsync("identity/first.md", first);
        await host.UploadTextAsync("identity/second copy.md", second);
        await WaitUntilAsync(async () => await host.Storage.Sources.GetAsync("identity/second copy.md", Token) is not null
            && await host.Storage.Sources.GetAsync("identity/first.md", Token) is not null);
        await IngestionSettle.WaitAsync(host.Storage, TimeSpan.FromSeconds(30), Token);

        foreach (var feed in feeds)
        {
            Assert.Equal(1, await CountItemsAsync(feed, urn));
        }

        await host.Uploads.DeleteBlobAsync("identity/first.md", cancellationToken: Token);
        await host.Uploads.DeleteBlobAsync("identity/second copy.md", cancellationToken: Token);
        await WaitUntilAsync(async () => await host.Storage.Articles.GetAsync(id, Token) is null);

        foreach (var feed in feeds)
        {
            Assert.Equal(0, await CountItemsAsync(feed, urn));
        }
    }

    [Fact]
    public async Task Upload_BrokenFile_RejectionListedFileKeptFeedsServed_FixClearsIt()
    {
        await host.UploadTextAsync("rejects/good.md", Article("Still served", "https://rejects.example/good", "Rejects"));
        await host.WaitForAsync("/api/feeds/topics/rejects.rss", (r, body) => r.StatusCode == HttpStatusCode.OK && body.Contains("Still served", StringComparison.Ordinal));
        var broken = Article("Hello: world", "https://rejects.example/broken", "Rejects");

        await host.UploadTextAsync("rejects/broken.md", broken);
        await WaitUntilAsync(async () => await host.Storage.Rejections.GetAsync("rejects/broken.md", Token) is not null);

        var listed = new List<string>();
        await foreach (var item in host.Storage.Data.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobPaths.RejectionsPrefix }, Token))
        {
            listed.Add(item.Name);
        }

        Assert.Contains("rejections/rejects/broken.md.json", listed);
        var record = await host.Storage.Rejections.GetAsync("rejects/broken.md", Token);
        var properties = await host.Uploads.GetBlobClient("rejects/broken.md").GetPropertiesAsync(cancellationToken: Token);
        Assert.Equal(properties.Value.ETag.ToString(), record!.ETag);
        Assert.Equal("rejects/broken.md", record.File);
        var error = Assert.Single(record.Errors);
        Assert.Equal((DiagnosticCodes.YamlInvalid, "title", 2, 13), (error.Code, error.Field, error.Line, error.Column));
        var feed = await host.Http.GetAsync("/api/feeds/topics/rejects.rss", Token);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("Still served", await feed.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        await host.UploadTextAsync("rejects/broken.md", broken.Replace("Hello: world", "\"Hello: world\"", StringComparison.Ordinal));

        await host.WaitForAsync("/api/feeds/topics/rejects.rss", (r, body) => body.Contains("Hello: world", StringComparison.Ordinal));
        await WaitUntilAsync(async () => await host.Storage.Rejections.GetAsync("rejects/broken.md", Token) is null);
    }

    [Fact]
    public async Task PublicOutputs_SeedIngested_NeverShowSecuredToken()
    {
        var secured = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile)).Article!.Secured!;
        await host.UploadAsync("seed.txt", RepositoryPaths.SeedFile);
        await host.WaitForAsync("/api/feeds/topics/ai.rss", (r, body) => body.Contains("SenseTime", StringComparison.Ordinal));
        using var catalogRequest = new HttpRequestMessage(HttpMethod.Get, "/api/feeds");
        catalogRequest.Headers.Accept.ParseAdd("application/json");
        var catalogResponse = await host.Http.SendAsync(catalogRequest, Token);
        var catalogJson = await catalogResponse.Content.ReadAsStringAsync(Token);
        Assert.DoesNotContain(secured[..24], catalogJson, StringComparison.Ordinal);
        var catalog = JsonNode.Parse(catalogJson)!;
        var urls = new List<string> { "/api/feeds", "/api/feeds.opml", "/api/health" };
        foreach (var feed in catalog["feeds"]!.AsArray())
        {
            urls.AddRange(Formats.Select(format => feed![format]!.GetValue<string>()));
        }

        Assert.Contains(urls, url => url.EndsWith("/api/feeds/providers/scmp.com.atom", StringComparison.Ordinal));
        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd(url == "/api/feeds" ? "text/html" : "*/*");
            var response = await host.Http.SendAsync(request, Token);
            var body = await response.Content.ReadAsStringAsync(Token);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(secured[..24], body, StringComparison.Ordinal);
            Assert.DoesNotContain("secured", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Article(string title, string link, string topic) => $"""
        ---
        title: {title}
        publishedDateTime: 2021-08-27T16:15:00Z
        webUrl: {link}
        provider:
          name: {new Uri(link).Host}
          domain: {new Uri(link).Host}
        topics:
          - {topic}
        ---

        """;

    private async Task<int> CountItemsAsync(string feed, string urn)
    {
        var response = await host.Http.GetAsync(feed, Token);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        return json["items"]!.AsArray().Count(item => item!["id"]!.GetValue<string>() == urn);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the local host did not reach the expected state within 30 s");
            await Task.Delay(100, Token);
        }
    }
}
