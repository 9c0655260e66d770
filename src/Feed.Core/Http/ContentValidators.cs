using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Feed.Core.Http;

/// <summary>
/// Validators for documents rendered whole on every request (the catalog, the OPML list): a strong ETag from the
/// bytes themselves, so it changes exactly when they do, and Last-Modified from the newest feed they list.
/// </summary>
public static class ContentValidators
{
    /// <summary>
    /// Adds ETag and Last-Modified to <paramref name="ok"/>, or answers 304 with the same validators, Cache-Control and
    /// Vary when the request already holds this representation.
    /// </summary>
    public static FeedResult Apply(FeedResult ok, HttpRequest request, DateTimeOffset? lastModified)
    {
        var etag = Convert.ToHexStringLower(SHA256.HashData(ok.Body.Span).AsSpan(0, 12));
        var result = ok;
        if (ConditionalRequest.IsNotModified(request, etag, lastModified))
        {
            result = FeedResult.NotModified();
            foreach (var name in new[] { HeaderNames.CacheControl, HeaderNames.Vary })
            {
                if (ok.Headers.TryGetValue(name, out var value))
                {
                    result.WithHeader(name, value);
                }
            }
        }

        result.WithHeader(HeaderNames.ETag, $"\"{etag}\"");
        if (lastModified is { } modified)
        {
            result.WithHeader(HeaderNames.LastModified, modified.ToString("R", CultureInfo.InvariantCulture));
        }

        return result;
    }
}
