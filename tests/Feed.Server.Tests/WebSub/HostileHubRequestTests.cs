using System.Net;
using System.Text;
using Feed.Testing.WebSub;

namespace Feed.Server.Tests.WebSub;

/// <summary>Subscription requests the hub must refuse with a 4xx and a reason, on its default (public callbacks only) settings.</summary>
public sealed class HostileHubRequestTests(StrictHubHostFixture host) : IClassFixture<StrictHubHostFixture>
{
    private const string PublicCallback = "https://subscriber.example.com/callback";

    public static TheoryData<string, string, HttpStatusCode, string> Refused => new()
    {
        { "ftp://subscriber.example.com/cb", "all.rss", HttpStatusCode.BadRequest, "hub.callback must be an absolute http or https URL" },
        { "javascript:alert(1)", "all.rss", HttpStatusCode.BadRequest, "hub.callback must be an absolute http or https URL" },
        { "file:///etc/passwd", "all.rss", HttpStatusCode.BadRequest, "hub.callback must be an absolute http or https URL" },
        { "/relative/callback", "all.rss", HttpStatusCode.BadRequest, "hub.callback must be an absolute http or https URL" },
        { "http://user:password@subscriber.example.com/cb", "all.rss", HttpStatusCode.BadRequest, "must not carry a user name or password" },
        { "http://127.0.0.1:9/cb", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { "http://localhost/cb", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { "http://10.1.2.3/cb", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { "http://192.168.0.10/cb", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { "http://172.20.0.1/cb", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { "http://169.254.169.254/latest/meta-data/", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { "http://[::1]/cb", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { "http://[fd00::1]/cb", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { "http://[::ffff:127.0.0.1]/cb", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { "http://0.0.0.0/cb", "all.rss", HttpStatusCode.BadRequest, "non-public address" },
        { PublicCallback, "https://elsewhere.example.org/api/feeds/all.rss", HttpStatusCode.BadRequest, "not a feed of this publisher" },
        { PublicCallback, "/api/health", HttpStatusCode.BadRequest, "not a feed of this publisher" },
        { PublicCallback, "all.xml", HttpStatusCode.BadRequest, "unknown format" },
        { PublicCallback, "all.rss?sort=title", HttpStatusCode.BadRequest, "unknown query parameter" },
        { PublicCallback, "topics/no-such-topic.rss", HttpStatusCode.BadRequest, "there is no feed" },
        { PublicCallback, "", HttpStatusCode.BadRequest, "hub.topic is missing" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Subscribe_HostileRequest_Answers4xxWithReason(string callback, string topic, HttpStatusCode status, string reason)
    {
        var topicUrl = topic.Length == 0 || topic.Contains("://", StringComparison.Ordinal) ? topic
            : topic.StartsWith('/') ? new Uri(host.BaseUrl, topic).AbsoluteUri
            : new Uri(host.BaseUrl, "/api/feeds/" + topic).AbsoluteUri;

        using var response = await PostAsync(new() { ["hub.mode"] = "subscribe", ["hub.callback"] = callback, ["hub.topic"] = topicUrl });

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_SecretOf200Bytes_Answers400()
    {
        using var response = await PostAsync(new()
        {
            ["hub.mode"] = "subscribe",
            ["hub.callback"] = PublicCallback,
            ["hub.topic"] = new Uri(host.BaseUrl, "/api/feeds/all.rss").AbsoluteUri,
            ["hub.secret"] = new string('s', 200),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hub.secret must be less than 200 bytes", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("publish", "hub.mode must be 'subscribe' or 'unsubscribe'")]
    [InlineData("", "hub.mode is missing")]
    public async Task Request_BadMode_Answers400(string mode, string reason)
    {
        var fields = new Dictionary<string, string> { ["hub.callback"] = PublicCallback, ["hub.topic"] = new Uri(host.BaseUrl, "/api/feeds/all.rss").AbsoluteUri };
        if (mode.Length > 0)
        {
            fields["hub.mode"] = mode;
        }

        using var response = await PostAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_NotAForm_Answers415()
    {
        using var response = await host.Http.PostAsync("/api/websub", new StringContent("{\"hub.mode\":\"subscribe\"}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Get_Hub_Answers405NamingPost()
    {
        using var response = await host.Http.GetAsync("/api/websub", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Subscribe_ManyRequestsForOneCallbackHost_Answers429()
    {
        var fields = new Dictionary<string, string>
        {
            ["hub.mode"] = "subscribe",
            ["hub.callback"] = "http://flooded.example.net/cb",
            ["hub.topic"] = new Uri(host.BaseUrl, "/api/feeds/all.rss").AbsoluteUri,
        };
        for (var i = 0; i < StrictHubHostFixture.RequestsPerMinutePerCallbackHost; i++)
        {
            using var allowed = await PostAsync(fields);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var response = await PostAsync(fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Subscribe_UnknownParameters_Ignored()
    {
        using var response = await PostAsync(new()
        {
            ["hub.mode"] = "subscribe",
            ["hub.callback"] = "http://10.9.9.9/cb",
            ["hub.topic"] = new Uri(host.BaseUrl, "/api/feeds/all.rss").AbsoluteUri,
            ["hub.unknown"] = "x",
            ["foo"] = "bar",
        });

        // Reaches the callback check, which is the first thing that refuses it.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("non-public address", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields) =>
        await host.Http.PostAsync("/api/websub", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
}
