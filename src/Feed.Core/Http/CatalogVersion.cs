using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Feed.Core.Feeds;

namespace Feed.Core.Http;

/// <summary>The catalog's strong ETag: a hash of every line it shows, its base URL and its representation.</summary>
public static class CatalogVersion
{
    public static string Of(IReadOnlyList<FeedSummary> feeds, Uri baseUrl, string representation)
    {
        var text = new StringBuilder(feeds.Count * 96).Append(baseUrl.AbsoluteUri).Append('|').Append(representation).Append('\n');
        foreach (var feed in feeds)
        {
            text.Append(feed.Key.Path).Append('|').Append(feed.Title).Append('|').Append(feed.Count.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(feed.LastModified.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(feed.NewestPublished?.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('|').Append(feed.ImageUrl).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 12));
    }
}
