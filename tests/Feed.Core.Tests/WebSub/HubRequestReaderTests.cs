using Feed.Core.WebSub;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Feed.Core.Tests.WebSub;

public sealed class HubRequestReaderTests
{
    private static readonly Uri BaseUrl = new("https://feeds.example.org/");

    private static readonly WebSubOptions Options = new();

    [Theory]
    [InlineData(null, 864_000)]
    [InlineData("3600", 3600)]
    [InlineData("1", 300)]
    [InlineData("999999999999", 2_592_000)]
    public void TryRead_LeaseSeconds_DefaultTenDaysAndBounded(string? requested, long granted)
    {
        var form = Form(("hub.lease_seconds", requested));

        Assert.True(HubRequestReader.TryRead(form, BaseUrl, Options, out var request, out var error), error);
        Assert.Equal(granted, (long)request.Lease.TotalSeconds);
    }

    [Theory]
    [InlineData("hub.lease_seconds", "-5", "hub.lease_seconds must be a whole number")]
    [InlineData("hub.lease_seconds", "0", "hub.lease_seconds must be a whole number")]
    [InlineData("hub.lease_seconds", "forever", "hub.lease_seconds must be a whole number")]
    [InlineData("hub.mode", "publish", "hub.mode must be 'subscribe' or 'unsubscribe'")]
    [InlineData("hub.callback", "gopher://x.example/", "hub.callback must be an absolute http or https URL")]
    [InlineData("hub.topic", "https://feeds.example.org/api/feeds/all/archive/1.rss?limit=3", "limit applies to a feed")]
    [InlineData("hub.topic", "http://feeds.example.org/api/feeds/all.rss", "not a feed of this publisher")]
    [InlineData("hub.topic", "https://feeds.example.org:8443/api/feeds/all.rss", "not a feed of this publisher")]
    [InlineData("hub.topic", "https://feeds.example.org/api/catalog", "not a feed of this publisher")]
    public void TryRead_BadField_RefusedWithReason(string field, string value, string reason)
    {
        var form = Form((field, value));

        Assert.False(HubRequestReader.TryRead(form, BaseUrl, Options, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(199, true)]
    [InlineData(200, false)]
    public void TryRead_Secret_UnderTwoHundredBytes(int bytes, bool accepted)
    {
        var form = Form(("hub.secret", new string('é', bytes / 2) + new string('x', bytes % 2)));

        Assert.Equal(accepted, HubRequestReader.TryRead(form, BaseUrl, Options, out _, out _));
    }

    [Fact]
    public void TryRead_TopicWithFiltersInAnyOrder_CanonicalTopicKeepsWhatWasWritten()
    {
        var form = Form(("hub.topic", "https://feeds.example.org/api/feeds/topics/ai.json?type=video&limit=5"));

        Assert.True(HubRequestReader.TryRead(form, BaseUrl, Options, out var request, out var error), error);
        Assert.Equal("https://feeds.example.org/api/feeds/topics/ai.json?limit=5&type=video", request.Topic.Url.AbsoluteUri);
        Assert.Equal("https://feeds.example.org/api/feeds/topics/ai.json?type=video&limit=5", request.RequestedTopic);
    }

    [Fact]
    public void ToString_WithSecret_DoesNotShowSecretOrCallbackQuery()
    {
        var form = Form(("hub.secret", "s3cret-value"), ("hub.callback", "https://reader.example.com/push?token=private-token"));

        Assert.True(HubRequestReader.TryRead(form, BaseUrl, Options, out var request, out var error), error);
        Assert.DoesNotContain("s3cret-value", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("private-token", request.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A valid subscription request, with <paramref name="overrides"/> replacing (or, when null, removing) fields.</summary>
    private static FormCollection Form(params (string Name, string? Value)[] overrides)
    {
        var fields = new Dictionary<string, StringValues>
        {
            ["hub.mode"] = "subscribe",
            ["hub.callback"] = "https://reader.example.com/push",
            ["hub.topic"] = "https://feeds.example.org/api/feeds/all.rss",
            ["hub.unknown"] = "ignored",
        };
        foreach (var (name, value) in overrides)
        {
            if (value is null)
            {
                fields.Remove(name);
            }
            else
            {
                fields[name] = value;
            }
        }

        return new FormCollection(fields);
    }
}
