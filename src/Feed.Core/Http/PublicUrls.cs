using Feed.Core.Configuration;
using Feed.Core.Feeds;
using Microsoft.AspNetCore.Http;

namespace Feed.Core.Http;

/// <summary>
/// Absolute URLs of what is served: from the configured public base URL, else from the request as the client sent it
/// (honouring X-Forwarded-Proto and X-Forwarded-Host from a proxy in front).
/// </summary>
public static class PublicUrls
{
    public static Uri BaseUrl(HttpRequest request, FeedOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return new Uri(options.PublicBaseUrl.TrimEnd('/') + "/");
        }

        var scheme = First(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value ?? "localhost";
        if (scheme is not ("http" or "https") || Uri.CheckHostName(host.Split(':')[0].Trim('[', ']')) == UriHostNameType.Unknown)
        {
            scheme = request.Scheme;
            host = request.Host.Value ?? "localhost";
        }

        return new Uri($"{scheme}://{host}/");
    }

    public static Uri Feed(Uri baseUrl, FeedKey key, FeedFormat format, string query = "") =>
        new(baseUrl, $"{FeedRoutes.Prefix}/feeds/{key.Path}.{FeedFormats.Extension(format)}{query}");

    /// <summary>Archive page <paramref name="page"/> (1 = oldest) of a feed.</summary>
    public static Uri Archive(Uri baseUrl, FeedKey key, int page, FeedFormat format, string query = "") =>
        new(baseUrl, $"{FeedRoutes.Prefix}/feeds/{key.Path}{Feeds.FeedPath.ArchiveSegment}{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{FeedFormats.Extension(format)}{query}");

    /// <summary>The WebSub hub every feed document names.</summary>
    public static Uri Hub(Uri baseUrl) => new(baseUrl, $"{FeedRoutes.Prefix}/{FeedRoutes.Hub}");

    public static Uri Catalog(Uri baseUrl) => new(baseUrl, $"{FeedRoutes.Prefix}/{FeedRoutes.Catalog}");

    private static string? First(Microsoft.Extensions.Primitives.StringValues values)
    {
        var value = values.ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var comma = value.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? value : value[..comma]).Trim();
    }
}
