using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Feed.Core.Http;

/// <summary>
/// One URL per feed representation: a request whose query is not in canonical form (another order, other
/// percent-encoding, an upper-case provider, an empty <c>?</c>) is redirected with 308 to the canonical URL, which
/// is the document's self link; so validators find the self link equal to the document's location, and caches keep
/// one copy.
/// </summary>
public static class CanonicalFeedRedirect
{
    public static FeedResult? For(HttpRequest request, FeedOptions options, FeedKey key, FeedFormat format, int page, FeedQuery query, int maxAgeSeconds)
    {
        var canonical = query.ToQueryString();
        if ((request.QueryString.Value ?? "") == canonical)
        {
            return null;
        }

        var baseUrl = PublicUrls.BaseUrl(request, options);
        var location = page == 0 ? PublicUrls.Feed(baseUrl, key, format, canonical) : PublicUrls.Archive(baseUrl, key, page, format, canonical);
        return FeedResult.PermanentRedirect(location, "the parameters of this feed in canonical order: " + location.PathAndQuery)
            .WithHeader(HeaderNames.CacheControl, $"public, max-age={maxAgeSeconds}")
            .WithHeader(HeaderNames.Vary, PublicUrls.Vary(request, options, HeaderNames.AcceptEncoding));
    }
}
