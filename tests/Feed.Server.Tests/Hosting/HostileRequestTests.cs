using Feed.Core.Parsing;
using Feed.Testing;
using Feed.Testing.Http;
using Feed.Testing.Storage;

namespace Feed.Server.Tests.Hosting;

/// <summary>Requests an attacker or a broken client sends: each gets a 4xx with a reason, never a 500 nor data outside the feeds.</summary>
public sealed class HostileRequestTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly string SeedId = new ArticleFileReader().Read(File.ReadAllBytes(RepositoryPaths.SeedFile)).Article!.Id;

    /// <summary>Who refuses the request: our endpoints (text/plain reason in the body) or Kestrel (reason phrase only).</summary>
    public enum RefusedBy
    {
        Feed,
        Kestrel,
    }

    public static TheoryData<string, string, RefusedBy> Requests { get; } = new()
    {
        { "GET", $"/api/feeds/topics/..%2F..%2Farticles%2F{SeedId}.rss", RefusedBy.Feed },
        { "GET", $"/api/feeds/topics/..%2f..%2farticles%2f{SeedId}.json", RefusedBy.Feed },
        { "GET", $"/api/feeds/topics/../../feed-data/articles/{SeedId}.rss", RefusedBy.Feed },
        { "GET", $"/api/feeds/topics/%2e%2e/%2e%2e/articles/{SeedId}.rss", RefusedBy.Feed },
        { "GET", $"/api/feeds/topics/%2e%2e%2F%2e%2e%2Farticles%2F{SeedId}.atom", RefusedBy.Feed },
        { "GET", $"/api/feeds/topics/..%252F..%252Farticles%252F{SeedId}.rss", RefusedBy.Feed },
        { "GET", $"/api/feeds/topics/..%5C..%5Carticles%5C{SeedId}.rss", RefusedBy.Feed },
        { "GET", $"/api/feeds/topics/..\\..\\articles\\{SeedId}.rss", RefusedBy.Feed },
        { "GET", "/api/feeds/topics/ai-ethics%00.rss", RefusedBy.Kestrel },
        { "GET", "/api/feeds/topics/AI-Ethics.rss", RefusedBy.Feed },
        { "GET", "/api/feeds/topics/.hidden.rss", RefusedBy.Feed },
        { "GET", "/api/feeds/topics/ai-ethics/extra.rss", RefusedBy.Feed },
        { "GET", "/api/feeds/sources/000_2f0b49fc412bc3b3.txt.rss", RefusedBy.Feed },
        { "GET", "/api/feeds/topics/" + new string('a', 10_000) + ".rss", RefusedBy.Feed },
        { "GET", "/api/feeds/providers/" + string.Concat(Enumerable.Repeat("a.", 5_000)) + "com.atom", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?limit=99999999999999999999999", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?limit=2147483648", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?limit=-1", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?limit=0", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?limit=ten", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?limit=1e3", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?limit=", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?limit=5&limit=6", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?minQuality=9999999999999", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?type=podcast", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?published=yes", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?provider=scmp.com", RefusedBy.Feed },
        { "GET", "/api/feeds/topics/ai-ethics.rss?provider=..%2F..%2Farticles", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?debug=true", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?" + string.Join('&', Enumerable.Range(0, 1_000).Select(i => $"p{i}=1")), RefusedBy.Feed },
        { "GET", "/api/feeds/all.xml", RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss.exe", RefusedBy.Feed },
        { "GET", "/api/feeds/all", RefusedBy.Feed },
        { "GET", "/api/feeds/all." + new string('x', 10_000), RefusedBy.Feed },
        { "GET", "/api/feeds/all.rss?" + new string('a', 20_000_000), RefusedBy.Kestrel },
        { "GET", "/api/feeds/topics/" + new string('a', 100_000) + ".rss", RefusedBy.Kestrel },
        { "POST", "/api/feeds/all.rss", RefusedBy.Feed },
        { "PUT", "/api/feeds/topics/ai-ethics.rss", RefusedBy.Feed },
        { "DELETE", "/api/feeds/topics/ai-ethics.rss", RefusedBy.Feed },
        { "PATCH", "/api/health", RefusedBy.Feed },
        { "OPTIONS", "/api/feeds", RefusedBy.Feed },
        { "TRACE", "/api/feeds/all.rss", RefusedBy.Feed },
        { "PROPFIND", "/api/feeds/all.rss", RefusedBy.Feed },
        { "GET", "/feed-data/articles/" + SeedId + ".json", RefusedBy.Feed },
        { "GET", "/api/../feed-data/articles/" + SeedId + ".json", RefusedBy.Feed },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_Hostile_Answers4xxWithReasonAndNoArticleData(string method, string target, RefusedBy refusedBy)
    {
        await EnsureSeedIngestedAsync();

        var response = await RawHttp.SendAsync(host.BaseUrl, method, target, cancellationToken: TestContext.Current.CancellationToken);

        Assert.InRange(response.Status, 400, 499);
        Assert.DoesNotContain("SenseTime", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(SeedId, response.Body, StringComparison.Ordinal);
        if (refusedBy == RefusedBy.Feed)
        {
            Assert.True(response.Headers.TryGetValue("content-type", out var contentType), $"{response.Status} {response.Reason} without a body type");
            Assert.StartsWith("text/plain", contentType, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(response.Body), "a refusal must say why");
            Assert.True(response.Body.Length < 1_000, $"the reason is short, not an echo of the request: {response.Body.Length} characters");
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(response.Reason), "Kestrel's refusal carries its reason phrase");
        }
    }

    [Theory]
    [InlineData("POST", "/api/feeds/all.rss")]
    [InlineData("DELETE", "/api/feeds/topics/ai-ethics.atom")]
    [InlineData("PUT", "/no/such/route")]
    public async Task Request_MethodOtherThanGetOrHead_Answers405WithAllow(string method, string target)
    {
        var response = await RawHttp.SendAsync(host.BaseUrl, method, target, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(405, response.Status);
        Assert.Equal("GET, HEAD", response.Headers["allow"]);
        Assert.Equal("Feed only answers GET and HEAD", response.Body.TrimEnd());
    }

    [Fact]
    public async Task Request_HeadersOver32KB_RefusedBy431()
    {
        var response = await RawHttp.SendAsync(host.BaseUrl, "GET", "/api/feeds/all.rss", [$"X-Padding: {new string('a', 40_000)}"], TestContext.Current.CancellationToken);

        Assert.Equal(431, response.Status);
    }

    private async Task EnsureSeedIngestedAsync()
    {
        await host.UploadAsync("000_2f0b49fc412bc3b3.txt", RepositoryPaths.SeedFile);
        await host.WaitForAsync("/api/feeds/topics/ai-ethics.rss", (r, body) => r.IsSuccessStatusCode && body.Contains("SenseTime", StringComparison.Ordinal));
    }
}
