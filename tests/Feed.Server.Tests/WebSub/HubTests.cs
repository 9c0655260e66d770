using System.Net;
using System.Text;
using Feed.Testing.WebSub;

namespace Feed.Server.Tests.WebSub;

/// <summary>
/// The hub as a subscriber written from the WebSub spec meets it on the local host: discovery, subscription,
/// verification of intent, content distribution, leases, unsubscription and failing callbacks. Each test has a
/// topic (feed) of its own.
/// </summary>
public sealed class HubTests(HubHostFixture host) : IClassFixture<HubHostFixture>
{
    private TestSubscriber Subscriber => host.Subscriber;

    [Fact]
    public async Task Subscribe_DiscoveredFromLinkHeader_VerifiedThenEachNewArticleDelivered()
    {
        var feed = await CreateTopicAsync("WebSub Discovery", ".rss");
        using var response = await host.Http.GetAsync(feed, TestContext.Current.CancellationToken);
        var links = LinkHeader.Parse(response.Headers.GetValues("Link"));
        var hub = links.Single(l => l.Rel == "hub").Url;
        var self = links.Single(l => l.Rel == "self").Url;

        using var accepted = await TestSubscriber.RequestAsync(host.Http, hub, "subscribe", self.AbsoluteUri, Subscriber.Callback("discovery"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var verification = await Subscriber.NextVerificationAsync("discovery");
        Assert.Equal("subscribe", verification.Mode);
        Assert.Equal(self.AbsoluteUri, verification.Topic);
        Assert.Equal("864000", verification.LeaseSeconds);
        Assert.Equal("discovery", verification.Query["id"]);
        Assert.True(verification.Challenge.Length >= 16);

        await UploadAsync("WebSub Discovery", "Discovery second article", feed);
        var delivery = await Subscriber.NextDeliveryAsync("discovery");
        Assert.StartsWith("application/rss+xml", delivery.ContentType, StringComparison.Ordinal);
        Assert.Contains("Discovery second article", Encoding.UTF8.GetString(delivery.Body), StringComparison.Ordinal);
        var deliveredLinks = LinkHeader.Parse(delivery.Links);
        Assert.Equal(hub, deliveredLinks.Single(l => l.Rel == "hub").Url);
        Assert.Equal(self, deliveredLinks.Single(l => l.Rel == "self").Url);
        Assert.Null(delivery.Signature);
        Assert.Equal(await host.Http.GetByteArrayAsync(self, TestContext.Current.CancellationToken), delivery.Body);

        await UploadAsync("WebSub Discovery", "Discovery third article", feed);
        Assert.Contains("Discovery third article", Encoding.UTF8.GetString((await Subscriber.NextDeliveryAsync("discovery")).Body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".atom", "application/atom+xml")]
    [InlineData(".json", "application/feed+json")]
    public async Task Subscribe_WithSecret_DeliveryInTopicsFormatSignedWithIt(string extension, string mediaType)
    {
        var name = "secret" + extension.TrimStart('.');
        var topic = "WebSub Secret " + extension.TrimStart('.');
        var feed = await CreateTopicAsync(topic, extension);
        await SubscribeAsync(feed, name, secret: "correct horse battery staple");

        await UploadAsync(topic, "Signed article", feed);

        var delivery = await Subscriber.NextDeliveryAsync(name);
        Assert.StartsWith(mediaType, delivery.ContentType, StringComparison.Ordinal);
        Assert.True(TestSubscriber.IsSignedWith(delivery, "correct horse battery staple"), $"signature {delivery.Signature} is not the body's HMAC-SHA256");
        Assert.False(TestSubscriber.IsSignedWith(delivery, "another secret"));
    }

    [Fact]
    public async Task Unsubscribe_Verified_NothingDeliveredAfterwards()
    {
        var feed = await CreateTopicAsync("WebSub Unsubscribe", ".rss");
        await SubscribeAsync(feed, "unsubscribe");

        using var response = await TestSubscriber.RequestAsync(host.Http, host.Hub, "unsubscribe", new Uri(host.BaseUrl, feed).AbsoluteUri, Subscriber.Callback("unsubscribe"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var verification = await Subscriber.NextVerificationAsync("unsubscribe");
        Assert.Equal("unsubscribe", verification.Mode);
        Assert.Null(verification.LeaseSeconds);
        await WaitForHubAsync();
        await UploadAsync("WebSub Unsubscribe", "After unsubscribing", feed);
        await Subscriber.AssertNoDeliveryAsync("unsubscribe", TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData(VerifyAnswer.Refuse)]
    [InlineData(VerifyAnswer.WrongChallenge)]
    public async Task Subscribe_VerificationNotConfirmed_NothingDelivered(VerifyAnswer answer)
    {
        var name = "refused-" + answer;
        var topic = "WebSub Refused " + answer;
        var feed = await CreateTopicAsync(topic, ".rss");
        Subscriber.AnswerVerifications(name, answer);

        using var response = await TestSubscriber.RequestAsync(host.Http, host.Hub, "subscribe", new Uri(host.BaseUrl, feed).AbsoluteUri, Subscriber.Callback(name));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Subscriber.NextVerificationAsync(name);
        await WaitForHubAsync();
        await UploadAsync(topic, "Nobody asked for this", feed);
        await Subscriber.AssertNoDeliveryAsync(name, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Subscribe_LeaseExpired_NothingDelivered()
    {
        var feed = await CreateTopicAsync("WebSub Lease", ".rss");
        var verification = await SubscribeAsync(feed, "lease", leaseSeconds: 1);
        Assert.Equal("1", verification.LeaseSeconds);

        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        await UploadAsync("WebSub Lease", "After the lease", feed);

        await Subscriber.AssertNoDeliveryAsync("lease", TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Subscribe_Again_RenewsLeaseAndDeliversOnce()
    {
        var feed = await CreateTopicAsync("WebSub Renew", ".rss");
        await SubscribeAsync(feed, "renew", leaseSeconds: 1);
        var renewal = await SubscribeAsync(feed, "renew", leaseSeconds: 3600);
        Assert.Equal("3600", renewal.LeaseSeconds);

        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        await UploadAsync("WebSub Renew", "After the renewal", feed);

        await Subscriber.NextDeliveryAsync("renew");
        await Subscriber.AssertNoDeliveryAsync("renew", TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Delivery_Answered410_EndsSubscription()
    {
        var feed = await CreateTopicAsync("WebSub Gone", ".rss");
        await SubscribeAsync(feed, "gone");
        Subscriber.AnswerDeliveries("gone", 410);

        await UploadAsync("WebSub Gone", "Answered with 410", feed);
        Assert.Equal(410, (await Subscriber.NextDeliveryAsync("gone")).AnsweredStatus);
        await WaitForHubAsync();
        await UploadAsync("WebSub Gone", "After the 410", feed);

        await Subscriber.AssertNoDeliveryAsync("gone", TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Delivery_CallbackFailsThenRecovers_RetriedUntilDelivered()
    {
        var feed = await CreateTopicAsync("WebSub Retry", ".rss");
        await SubscribeAsync(feed, "retry");
        Subscriber.AnswerDeliveries("retry", 500, 503);

        await UploadAsync("WebSub Retry", "Retried article", feed);

        var first = await Subscriber.NextDeliveryAsync("retry");
        var second = await Subscriber.NextDeliveryAsync("retry");
        var third = await Subscriber.NextDeliveryAsync("retry");
        Assert.Equal([500, 503, 204], [first.AnsweredStatus, second.AnsweredStatus, third.AnsweredStatus]);
        Assert.Contains("Retried article", Encoding.UTF8.GetString(third.Body), StringComparison.Ordinal);
        Assert.True(second.ReceivedAt - first.ReceivedAt >= TimeSpan.FromMilliseconds(900), "the first retry did not wait the retry delay (1 s)");
        Assert.True(third.ReceivedAt - second.ReceivedAt >= TimeSpan.FromMilliseconds(1900), "the second retry did not wait longer (2 s)");
        await Subscriber.AssertNoDeliveryAsync("retry", TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Delivery_FailedEveryAttempt_LaterChangeStillDelivered()
    {
        var feed = await CreateTopicAsync("WebSub Later", ".rss");
        await SubscribeAsync(feed, "later");
        Subscriber.AnswerDeliveries("later", Enumerable.Repeat(500, HubHostFixture.MaxDeliveryAttempts).ToArray());

        await UploadAsync("WebSub Later", "Never delivered", feed);
        for (var attempt = 0; attempt < HubHostFixture.MaxDeliveryAttempts; attempt++)
        {
            Assert.Equal(500, (await Subscriber.NextDeliveryAsync("later")).AnsweredStatus);
        }

        await Subscriber.AssertNoDeliveryAsync("later", TimeSpan.FromSeconds(2));
        await UploadAsync("WebSub Later", "Delivered after all", feed);

        var delivery = await Subscriber.NextDeliveryAsync("later");
        Assert.Equal(204, delivery.AnsweredStatus);
        Assert.Contains("Delivered after all", Encoding.UTF8.GetString(delivery.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_TopicAtItsLimit_Answers403WithReason()
    {
        var feed = await CreateTopicAsync("WebSub Crowded", ".rss");
        for (var i = 0; i < HubHostFixture.MaxSubscriptionsPerTopic; i++)
        {
            await SubscribeAsync(feed, $"crowded-{i}");
        }

        using var response = await TestSubscriber.RequestAsync(host.Http, host.Hub, "subscribe", new Uri(host.BaseUrl, feed).AbsoluteUri, Subscriber.Callback("crowded-extra"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("limit of 3 subscriptions", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_FeedWithFilters_DeliveredWithCanonicalSelf()
    {
        var feed = await CreateTopicAsync("WebSub Filtered", ".json");
        var topic = new Uri(host.BaseUrl, feed + "?type=article&limit=5").AbsoluteUri;

        using var response = await TestSubscriber.RequestAsync(host.Http, host.Hub, "subscribe", topic, Subscriber.Callback("filtered"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(topic, (await Subscriber.NextVerificationAsync("filtered")).Topic);
        await WaitForHubAsync();
        await UploadAsync("WebSub Filtered", "Filtered article", feed);

        var delivery = await Subscriber.NextDeliveryAsync("filtered");
        Assert.Equal(new Uri(host.BaseUrl, feed + "?limit=5&type=article"), LinkHeader.Parse(delivery.Links).Single(l => l.Rel == "self").Url);
    }

    /// <summary>Creates the topic's feed with a first article and returns its path in <paramref name="extension"/>'s format.</summary>
    private async Task<string> CreateTopicAsync(string topic, string extension)
    {
        var slug = topic.ToLowerInvariant().Replace(' ', '-');
        var feed = $"/api/feeds/topics/{slug}{extension}";
        await UploadAsync(topic, topic + " first article", feed);
        return feed;
    }

    private Task UploadAsync(string topic, string title, string feed) => TopicArticles.UploadAndWaitAsync(host, topic, title, feed);

    private async Task<Verification> SubscribeAsync(string feed, string callback, string? secret = null, int? leaseSeconds = null)
    {
        using var response = await TestSubscriber.RequestAsync(host.Http, host.Hub, "subscribe", new Uri(host.BaseUrl, feed).AbsoluteUri, Subscriber.Callback(callback), secret, leaseSeconds);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var verification = await Subscriber.NextVerificationAsync(callback);
        await WaitForHubAsync();
        return verification;
    }

    private Task WaitForHubAsync() => PendingVerifications.WaitForNoneAsync(host.Services);
}
