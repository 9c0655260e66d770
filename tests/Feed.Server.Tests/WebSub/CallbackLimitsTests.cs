using System.Diagnostics;
using System.Net;
using System.Text;
using Feed.Testing.WebSub;

namespace Feed.Server.Tests.WebSub;

/// <summary>
/// The hub's limits on callbacks: how many subscriptions the callbacks on one host may hold, and how long the hub
/// waits for a callback to answer. Callbacks named by host <c>localhost</c> count apart from those on <c>127.0.0.1</c>.
/// </summary>
public sealed class CallbackLimitsTests(CallbackLimitsHubHostFixture host) : IClassFixture<CallbackLimitsHubHostFixture>
{
    private TestSubscriber Subscriber => host.Subscriber;

    [Fact]
    public async Task Subscribe_CallbackHostAtItsLimit_Answers403NamingTheLimit()
    {
        var limit = CallbackLimitsHubHostFixture.MaxSubscriptionsPerCallbackHost;
        for (var i = 0; i < limit; i++)
        {
            var feed = await CreateTopicAsync($"WebSub Host Limit {i}");
            using var accepted = await SubscribeAsync(feed, OnLocalhost($"host-limit-{i}"));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal("subscribe", (await Subscriber.NextVerificationAsync($"host-limit-{i}")).Mode);
            await PendingVerifications.WaitForNoneAsync(host.Services);
        }

        var another = await CreateTopicAsync("WebSub Host Limit Extra");
        using var refused = await SubscribeAsync(another, OnLocalhost("host-limit-extra"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var reason = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("localhost", reason, StringComparison.Ordinal);
        Assert.Contains($"limit of {limit} subscriptions", reason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => Subscriber.NextVerificationAsync("host-limit-extra", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Subscribe_CallbackSlowerThanRequestTimeout_GivenUpQuicklyAndNothingDelivered()
    {
        var feed = await CreateTopicAsync("WebSub Slow Callback");
        var slowAnswer = TimeSpan.FromSeconds(20);
        Subscriber.DelayVerifications("slow", slowAnswer);

        using var prompt = await SubscribeAsync(feed, Subscriber.Callback("prompt"));
        using var slow = await SubscribeAsync(feed, Subscriber.Callback("slow"));

        Assert.Equal(HttpStatusCode.Accepted, prompt.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, slow.StatusCode);
        await Subscriber.NextVerificationAsync("prompt");
        await Subscriber.NextVerificationAsync("slow");
        var waited = Stopwatch.StartNew();
        await PendingVerifications.WaitForNoneAsync(host.Services, CallbackLimitsHubHostFixture.CallbackTimeout + TimeSpan.FromSeconds(6));
        Assert.True(waited.Elapsed < slowAnswer / 2, $"the hub waited {waited.Elapsed} for a callback that takes {slowAnswer} to answer");

        await UploadAsync("WebSub Slow Callback", "Only for prompt callbacks", feed);

        Assert.Contains("Only for prompt callbacks", Encoding.UTF8.GetString((await Subscriber.NextDeliveryAsync("prompt")).Body), StringComparison.Ordinal);
        await Subscriber.AssertNoDeliveryAsync("slow", TimeSpan.FromSeconds(3));
    }

    /// <summary>The test subscriber's callback <paramref name="name"/>, named by host <c>localhost</c>.</summary>
    private Uri OnLocalhost(string name) => new UriBuilder(Subscriber.Callback(name)) { Host = "localhost" }.Uri;

    private async Task<string> CreateTopicAsync(string topic)
    {
        var feed = $"/api/feeds/topics/{topic.ToLowerInvariant().Replace(' ', '-')}.rss";
        await UploadAsync(topic, topic + " first article", feed);
        return feed;
    }

    private Task UploadAsync(string topic, string title, string feed) => TopicArticles.UploadAndWaitAsync(host, topic, title, feed);

    private Task<HttpResponseMessage> SubscribeAsync(string feed, Uri callback) =>
        TestSubscriber.RequestAsync(host.Http, host.Hub, "subscribe", new Uri(host.BaseUrl, feed).AbsoluteUri, callback);
}
