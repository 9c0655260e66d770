using Feed.Core.Feeds;
using Feed.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Feed.Core.WebSub;

/// <summary>Decides whether a <c>hub.topic</c> is one of our feed URLs, and names it canonically.</summary>
public static class TopicResolver
{
    public const int MaxLength = 2048;

    private const string FeedsPrefix = "/" + FeedRoutes.Prefix + "/feeds/";

    public static bool TryResolve(string? topic, Uri baseUrl, out HubTopic resolved, out string error)
    {
        resolved = null!;
        if (string.IsNullOrEmpty(topic))
        {
            error = "hub.topic is missing: give the URL of one of this publisher's feeds";
            return false;
        }

        if (topic.Length > MaxLength || !Uri.TryCreate(topic, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            error = "hub.topic must be the absolute http(s) URL of one of this publisher's feeds";
            return false;
        }

        var origin = new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
        if (!string.Equals(origin.AbsoluteUri, baseUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase) || url.UserInfo.Length > 0)
        {
            error = $"hub.topic is not a feed of this publisher: this hub serves only feeds under {baseUrl.AbsoluteUri}{FeedRoutes.Prefix}/feeds/";
            return false;
        }

        if (!url.AbsolutePath.StartsWith(FeedsPrefix, StringComparison.Ordinal))
        {
            error = $"hub.topic is not a feed of this publisher: feeds are under {FeedsPrefix}";
            return false;
        }

        if (!FeedPath.TryParse(Uri.UnescapeDataString(url.AbsolutePath[FeedsPrefix.Length..]), out var key, out var format, out var page, out var pathError))
        {
            error = "hub.topic is not a feed of this publisher: " + pathError;
            return false;
        }

        if (!FeedQuery.TryParse(new QueryCollection(QueryHelpers.ParseQuery(url.Query)), key.Kind, out var query, out var queryError))
        {
            error = "hub.topic: " + queryError;
            return false;
        }

        if (page > 0 && query.Limit is not null)
        {
            error = "hub.topic: limit applies to a feed, not to an archive page";
            return false;
        }

        resolved = new HubTopic(key, format, page == 0
            ? PublicUrls.Feed(baseUrl, key, format, query.ToQueryString())
            : PublicUrls.Archive(baseUrl, key, page, format, query.ToQueryString()));
        error = "";
        return true;
    }
}
