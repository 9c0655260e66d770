using System.Net;
using System.Text;
using Azure.Storage.Queues;
using Feed.Core.Storage;
using Feed.Testing.WebSub;

namespace Feed.Functions.Tests.WebSub;

/// <summary>
/// The hub on the Functions host: the hub route among the HTTP functions, verification and distribution through the
/// <c>websub</c> queue and its queue-triggered function, as a subscriber that knows only a feed URL sees them.
/// </summary>
public sealed class HubFunctionTests(HubFunctionsHostFixture fixture) : IClassFixture<HubFunctionsHostFixture>
{
    [Fact]
    public async Task Subscribe_FromFeedUrlAlone_VerifiedAndSignedDeliveryOnUpload()
    {
        var host = fixture.Host;
        var cancellationToken = TestContext.Current.CancellationToken;
        await fixture.Storage.EnsureCreatedAsync(cancellationToken);
        var (firstName, firstText) = TopicArticles.Create("WebSub Functions", "Functions first article");
        var ingested = await fixture.UploadAndNotifyAsync(firstName, BinaryData.FromString(firstText), cancellationToken);
        using var feed = await host.Http.GetAsync("api/feeds/topics/websub-functions.atom", cancellationToken);
        Assert.True(feed.StatusCode == HttpStatusCode.OK, $"{(int)feed.StatusCode} {await feed.Content.ReadAsStringAsync(cancellationToken)} after {ingested}");
        var links = LinkHeader.Parse(feed.Headers.GetValues("Link"));
        var hub = links.Single(l => l.Rel == "hub").Url;
        var self = links.Single(l => l.Rel == "self").Url;
        var subscriber = fixture.Subscriber;

        using var accepted = await TestSubscriber.RequestAsync(host.Http, hub, "subscribe", self.AbsoluteUri, subscriber.Callback("functions"), secret: "functions secret");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var verification = await subscriber.NextVerificationAsync("functions", TimeSpan.FromSeconds(30));
        Assert.Equal(self.AbsoluteUri, verification.Topic);
        await WaitForVerifiedAsync(cancellationToken);

        var (secondName, secondText) = TopicArticles.Create("WebSub Functions", "Functions second article");
        await fixture.UploadAndNotifyAsync(secondName, BinaryData.FromString(secondText), cancellationToken);

        var delivery = await fixture.Subscriber.NextDeliveryAsync("functions", TimeSpan.FromSeconds(30));
        Assert.StartsWith("application/atom+xml", delivery.ContentType, StringComparison.Ordinal);
        Assert.Contains("Functions second article", Encoding.UTF8.GetString(delivery.Body), StringComparison.Ordinal);
        Assert.True(TestSubscriber.IsSignedWith(delivery, "functions secret"));
        Assert.Equal(self, LinkHeader.Parse(delivery.Links).Single(l => l.Rel == "self").Url);
        Assert.Equal(hub, LinkHeader.Parse(delivery.Links).Single(l => l.Rel == "hub").Url);
    }

    [Fact]
    public async Task Subscribe_TopicOfAnotherPublisher_Answers400WithReason()
    {
        using var response = await TestSubscriber.RequestAsync(
            fixture.Host.Http,
            new Uri(fixture.Host.BaseUrl, "api/websub"),
            "subscribe",
            "https://elsewhere.example.org/api/feeds/all.rss",
            fixture.Subscriber.Callback("foreign"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        Assert.Contains("not a feed of this publisher", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ForeignMessage_DroppedNotPoisoned()
    {
        var queue = new QueueClient(fixture.Azurite.Endpoints.ConnectionString, HubQueue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var from = fixture.Host.LogLength;

        await queue.SendMessageAsync("not a hub message", cancellationToken: TestContext.Current.CancellationToken);

        var line = await fixture.Host.WaitForExecutionAsync("WebSubQueue", from, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("Succeeded", line, StringComparison.Ordinal);
    }

    /// <summary>Waits until the queue-triggered function has stored the subscription (no pending request left).</summary>
    private async Task WaitForVerifiedAsync(CancellationToken cancellationToken)
    {
        var table = new Azure.Data.Tables.TableClient(fixture.Azurite.Endpoints.ConnectionString, "websubscriptions");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await table.QueryAsync<Azure.Data.Tables.TableEntity>("RowKey ge 's-' and RowKey lt 's.'", cancellationToken: cancellationToken).AnyAsync(cancellationToken))
        {
            Assert.True(DateTime.UtcNow < deadline, "the subscription was not stored within 30 s of its verification");
            await Task.Delay(100, cancellationToken);
        }
    }
}
