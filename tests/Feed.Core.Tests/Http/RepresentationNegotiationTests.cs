using Feed.Core.Feeds;
using Feed.Core.Http;
using Feed.Testing.Http;
using Microsoft.Extensions.Primitives;

namespace Feed.Core.Tests.Http;

public sealed class RepresentationNegotiationTests
{
    public static TheoryData<string, string, bool> Clients
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var (reader, accept) in AcceptHeaders.Readers)
            {
                data.Add(reader, accept, false);
            }

            foreach (var (browser, accept) in AcceptHeaders.Browsers)
            {
                data.Add(browser, accept, true);
            }

            return data;
        }
    }

    public static TheoryData<string, bool> Edges => new()
    {
        { "text/html", true },
        { "TEXT/HTML; charset=utf-8", true },
        { "application/xhtml+xml", true },
        { "text/html;q=0.9, application/rss+xml;q=0.1", false },
        { "text/html, application/rss+xml;q=0", true },
        { "text/html, */*", false },
        { "text/html;q=0.5, application/xml", false },
        { "text/html;q=0.8, */*;q=0.9", false },
        { "text/html;q=0, */*", false },
        { "text/html;q=bogus", false },
        { "text/*", false },
        { "application/json", false },
        { "text/html, application/feed+json", false },
        { "text/html,,, ;q=1", true },
    };

    [Theory]
    [MemberData(nameof(Clients))]
    public void PrefersPage_RealClient_PageOnlyForBrowsers(string client, string accept, bool page)
    {
        foreach (var format in Enum.GetValues<FeedFormat>())
        {
            Assert.True(page == RepresentationNegotiation.PrefersPage(new StringValues(accept), format), $"{client} ({format}): expected the {(page ? "page" : "feed")}");
        }
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void PrefersPage_AcceptHeader_PageOnlyWhenHtmlStrictlyPreferredAndNoFeedTypeAsked(string accept, bool page)
    {
        Assert.Equal(page, RepresentationNegotiation.PrefersPage(new StringValues(accept), FeedFormat.Rss));
    }

    [Fact]
    public void PrefersPage_NoAcceptHeader_Feed()
    {
        Assert.False(RepresentationNegotiation.PrefersPage(StringValues.Empty, FeedFormat.Atom));
    }

    [Fact]
    public void PrefersPage_JsonFeedAskedAsJson_Feed()
    {
        Assert.False(RepresentationNegotiation.PrefersPage(new StringValues("text/html;q=0.9, application/json"), FeedFormat.Json));
        Assert.True(RepresentationNegotiation.PrefersPage(new StringValues("text/html;q=0.9, application/json;q=0.5"), FeedFormat.Json));
    }
}
