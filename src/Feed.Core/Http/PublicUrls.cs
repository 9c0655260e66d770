using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Microsoft.AspNetCore.Http;

namespace Feed.Core.Http;

/// <summary>
/// Absolute URLs of what is served. With <c>Feed:PublicBaseUrl</c> set (as in Azure), links never depend on the
/// request. Otherwise they come from the request's scheme and <c>Host</c> (which caches key on), and from
/// <c>X-Forwarded-Proto</c>/<c>X-Forwarded-Host</c> only when the connection comes from a proxy listed in
/// <c>Feed:KnownProxies</c> (the value its nearest proxy added, i.e. the last one). Any host used is checked by
/// <see cref="HostAuthority"/>; a request without a valid one (HTTP/1.0 without <c>Host</c>) gets
/// <c>localhost</c>, never an exception.
/// </summary>
public static class PublicUrls
{
    /// <summary>The host links get when the request names none that is valid.</summary>
    public const string DefaultHost = "localhost";

    public const string ForwardedHost = "X-Forwarded-Host";

    public const string ForwardedProto = "X-Forwarded-Proto";

    public static Uri BaseUrl(HttpRequest request, FeedOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return new Uri(options.PublicBaseUrl.TrimEnd('/') + "/");
        }

        var scheme = request.Scheme;
        var host = request.Host.Value;
        if (UsesForwardedHeaders(request, options))
        {
            if (Last(request.Headers[ForwardedProto]) is { } proto && IsWebScheme(proto.ToLowerInvariant()))
            {
                scheme = proto.ToLowerInvariant();
            }

            if (Last(request.Headers[ForwardedHost]) is { } forwarded && HostAuthority.IsValid(forwarded))
            {
                host = forwarded;
            }
        }

        if (!IsWebScheme(scheme))
        {
            scheme = "http";
        }

        if (!HostAuthority.IsValid(host))
        {
            host = DefaultHost;
        }

        return new Uri($"{scheme}://{host}/");
    }

    /// <summary>
    /// Whether links may depend on forwarded headers: no public base URL, and the connection comes from a trusted
    /// proxy. Then answers say <c>Vary</c> on them, so that no cache in front keeps one host's links for another.
    /// </summary>
    public static bool UsesForwardedHeaders(HttpRequest request, FeedOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
        && !string.IsNullOrWhiteSpace(options.KnownProxies)
        && TrustedProxies.For(options.KnownProxies).Contains(request.HttpContext.Connection.RemoteIpAddress);

    /// <summary><paramref name="vary"/>, plus the forwarded headers when links depend on them.</summary>
    public static string Vary(HttpRequest request, FeedOptions options, string vary) =>
        UsesForwardedHeaders(request, options) ? $"{vary}, {ForwardedHost}, {ForwardedProto}" : vary;

    public static Uri Feed(Uri baseUrl, FeedKey key, FeedFormat format, string query = "") =>
        new(baseUrl, $"{FeedRoutes.Prefix}/feeds/{key.Path}.{FeedFormats.Extension(format)}{query}");

    /// <summary>Archive page <paramref name="page"/> (1 = oldest) of a feed.</summary>
    public static Uri Archive(Uri baseUrl, FeedKey key, int page, FeedFormat format, string query = "") =>
        new(baseUrl, $"{FeedRoutes.Prefix}/feeds/{key.Path}{Feeds.FeedPath.ArchiveSegment}{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{FeedFormats.Extension(format)}{query}");

    /// <summary>The WebSub hub every feed document names.</summary>
    public static Uri Hub(Uri baseUrl) => new(baseUrl, $"{FeedRoutes.Prefix}/{FeedRoutes.Hub}");

    public static Uri Catalog(Uri baseUrl) => new(baseUrl, $"{FeedRoutes.Prefix}/{FeedRoutes.Catalog}");

    private static bool IsWebScheme(string scheme) => scheme is "http" or "https";

    /// <summary>The value the nearest proxy added: the last of a comma-separated list (and of repeated fields).</summary>
    private static string? Last(Microsoft.Extensions.Primitives.StringValues values)
    {
        var value = values.Count == 0 ? null : values[^1];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var comma = value.LastIndexOf(',');
        return (comma < 0 ? value : value[(comma + 1)..]).Trim();
    }
}
